package org.socialsuite.conversation.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.conversation.moderation.ModerationView;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Visibility;

/**
 * One transcript line with its indicator: channel, Public or Private, author, action and time.
 *
 * @param action the indicator's verb; the workspace words it
 * @param text absent when the message was deleted on the network
 * @param replyMode how an agent's reply was sent (a Private Response shows as such); absent for the
 *     consumer's messages
 * @param sentOutside the brand sent it from the network's own tools, not from the workspace
 * @param liked the brand liked it from the workspace
 * @param moderation the latest moderation an agent asked for (hide, unhide, delete, like) and how
 *     it went; absent if none
 * @param personalData the kinds of personal data a consumer's public message shows everyone (found
 *     as it arrived); empty for everything else, and once it is deleted
 */
public record TranscriptMessage(
        UUID id,
        MessageDirection direction,
        Visibility visibility,
        MessageKind kind,
        Channel channel,
        Author author,
        IndicatorAction action,
        String text,
        List<Attachment> attachments,
        Instant occurredAt,
        String platformId,
        String parentPlatformId,
        String rootPlatformId,
        boolean edited,
        boolean deleted,
        boolean hidden,
        boolean liked,
        ModerationView moderation,
        ReplyMode replyMode,
        boolean sentOutside,
        DeliveryStatus deliveryStatus,
        String failureReason,
        List<PreviousVersion> previousVersions,
        List<PersonalDataKind> personalData) {

    public record Author(String id, String name) {}

    /** What the message said before an edit, and when the edit replaced it. */
    public record PreviousVersion(String text, Instant replacedAt) {}

    public static TranscriptMessage of(Message m, List<MessageVersion> versions) {
        return of(m, versions, null);
    }

    /** A deleted message shows neither its text nor its history. */
    public static TranscriptMessage of(
            Message m, List<MessageVersion> versions, ModerationView moderation) {
        return new TranscriptMessage(
                m.id,
                m.direction,
                m.visibility,
                m.kind,
                m.channel,
                new Author(m.authorId, m.authorName),
                IndicatorAction.of(m.kind),
                m.deleted ? null : m.text,
                m.deleted ? List.of() : m.attachments,
                m.occurredAt,
                m.platformId,
                m.parentPlatformId,
                m.rootPlatformId,
                m.edited,
                m.deleted,
                m.hidden,
                m.liked,
                moderation,
                m.replyMode,
                m.sentOutside,
                m.deliveryStatus,
                m.failureReason,
                m.deleted
                        ? List.of()
                        : versions.stream()
                                .map(v -> new PreviousVersion(v.text, v.replacedAt))
                                .toList(),
                m.deleted ? List.of() : m.personalData);
    }
}
