package org.socialsuite.conversation.reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Visibility;
import org.socialsuite.support.rules.MessagingWindows;
import org.socialsuite.support.rules.MessagingWindows.MessengerWindow;

/**
 * The networks' rules for replying (DESIGN.md §2, PLATFORMS.md): which modes would be accepted now,
 * until when, and why not. A pure function of the facts and the time.
 */
public final class ReplyModePolicy {

    private ReplyModePolicy() {}

    /** Facebook: Public, Private, Private Response; Twitter/X: Public, Private. */
    public static List<ReplyModeAvailability> availability(ConversationFacts facts, Instant now) {
        if (facts.channel() == Channel.TWITTER) {
            return List.of(
                    twitterPublic(facts),
                    // Twitter/X decides whether a DM goes through; we cannot know in advance.
                    ReplyModeAvailability.open(ReplyMode.PRIVATE, null));
        }
        return List.of(facebookPublic(facts), messenger(facts, now), privateResponse(facts, now));
    }

    /** The toggle's default: the visibility of the consumer's last message. */
    public static ReplyMode defaultMode(ConversationFacts facts) {
        return facts.lastInboundVisibility() == Visibility.PUBLIC
                ? ReplyMode.PUBLIC
                : ReplyMode.PRIVATE;
    }

    /**
     * A private answer, when the consumer's public message shows personal data and a private mode
     * is open: a Private Response under a Facebook comment (it answers that very comment), else a
     * private message. Nothing when the toggle would not start on Public anyway.
     */
    public static Optional<ReplySuggestion> suggestion(
            ConversationFacts facts, List<ReplyModeAvailability> modes) {
        Message exposed = facts.lastPublic();
        if (exposed == null
                || exposed.personalData.isEmpty()
                || defaultMode(facts) != ReplyMode.PUBLIC) {
            return Optional.empty();
        }
        String shown = PersonalDataKind.words(exposed.personalData);
        boolean comment = exposed.kind == MessageKind.COMMENT;
        String where = facts.channel() == Channel.TWITTER ? "tweet" : comment ? "comment" : "post";
        // Only a Facebook comment can be hidden (moderation/ModerationRules).
        String reason =
                "The consumer's "
                        + where
                        + " shows their "
                        + shown
                        + (comment
                                ? ": answer privately, and hide the comment"
                                : ": answer privately");
        return Stream.of(ReplyMode.PRIVATE_RESPONSE, ReplyMode.PRIVATE)
                .filter(mode -> modes.stream().anyMatch(m -> m.mode() == mode && m.available()))
                .findFirst()
                .map(mode -> new ReplySuggestion(mode, reason));
    }

    private static ReplyModeAvailability twitterPublic(ConversationFacts facts) {
        return facts.lastPublic() != null
                ? ReplyModeAvailability.open(ReplyMode.PUBLIC, null)
                : ReplyModeAvailability.closed(
                        ReplyMode.PUBLIC, "The consumer has no public tweet to reply to");
    }

    private static ReplyModeAvailability facebookPublic(ConversationFacts facts) {
        return facts.lastPublic() != null
                ? ReplyModeAvailability.open(ReplyMode.PUBLIC, null)
                : ReplyModeAvailability.closed(
                        ReplyMode.PUBLIC, "The consumer has no public post or comment to reply to");
    }

    /** Messenger: a plain response within 24 h, HUMAN_AGENT up to 7 days, then nothing. */
    private static ReplyModeAvailability messenger(ConversationFacts facts, Instant now) {
        Instant last = facts.lastPrivateAt();
        if (last == null) {
            return ReplyModeAvailability.closed(
                    ReplyMode.PRIVATE,
                    "The consumer has not written in Messenger; a Private Response can open the"
                            + " conversation");
        }
        MessengerWindow window = MessagingWindows.messenger(last, now);
        return switch (window.state()) {
            case STANDARD -> ReplyModeAvailability.open(ReplyMode.PRIVATE, window.closesAt());
            case HUMAN_AGENT ->
                    ReplyModeAvailability.tagged(
                            ReplyMode.PRIVATE, window.closesAt(), window.messageTag());
            case CLOSED ->
                    ReplyModeAvailability.closed(
                            ReplyMode.PRIVATE,
                            "The Messenger window closed 7 days after the consumer's last message");
        };
    }

    /** Once per public comment or post, within 7 days of it. */
    private static ReplyModeAvailability privateResponse(ConversationFacts facts, Instant now) {
        if (!facts.lastPublicTakesPrivateResponse()) {
            return ReplyModeAvailability.closed(
                    ReplyMode.PRIVATE_RESPONSE,
                    "The consumer has no public comment or post to answer privately");
        }
        if (facts.lastPublicAnsweredPrivately()) {
            return ReplyModeAvailability.closed(
                    ReplyMode.PRIVATE_RESPONSE,
                    "This comment has already been answered privately (once per comment)");
        }
        Instant end = MessagingWindows.privateResponseEnd(facts.lastPublic().occurredAt);
        return now.isBefore(end)
                ? ReplyModeAvailability.open(ReplyMode.PRIVATE_RESPONSE, end)
                : ReplyModeAvailability.closed(
                        ReplyMode.PRIVATE_RESPONSE,
                        "Private responses are possible only within 7 days of the comment");
    }
}
