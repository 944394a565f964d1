package org.socialsuite.events;

import java.time.Instant;
import java.util.List;

/**
 * One normalised item from a network's webhook, on {@link Topics#INBOUND}, keyed by {@link
 * #conversationKey()}.
 *
 * @param eventId our id for this event (a UUID), unique per publication
 * @param platformEventId the network's identity of what happened (the item id plus the action), the
 *     deduplication key downstream
 * @param consumerId the consumer the item belongs to: the author of a consumer message, the
 *     recipient of a brand echo; absent for the brand's own posts, which belong to no one consumer
 * @param fromBrand the brand's own item (its posts, its replies' echoes): context, never a consumer
 *     message
 * @param text absent for attachment-only messages and removals
 * @param quotedPlatformId the quoted tweet of a quote tweet
 */
public record SocialEventReceived(
        String eventId,
        String platformEventId,
        Channel channel,
        String accountId,
        String brandId,
        MessageKind kind,
        Visibility visibility,
        LifecycleAction action,
        boolean fromBrand,
        String consumerId,
        Author author,
        String text,
        List<Attachment> attachments,
        String platformId,
        String parentPlatformId,
        String rootPlatformId,
        String quotedPlatformId,
        Instant occurredAt,
        Instant receivedAt) {

    public SocialEventReceived {
        Require.text(eventId, "eventId");
        Require.text(platformEventId, "platformEventId");
        Require.present(channel, "channel");
        Require.text(accountId, "accountId");
        Require.text(brandId, "brandId");
        Require.present(kind, "kind");
        Require.present(visibility, "visibility");
        Require.present(action, "action");
        Require.present(author, "author");
        Require.text(platformId, "platformId");
        Require.present(occurredAt, "occurredAt");
        Require.present(receivedAt, "receivedAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The Kafka key: everything between one account and one consumer stays on one partition. */
    public ConversationKey conversationKey() {
        return ConversationKey.of(accountId, consumerId != null ? consumerId : author.id());
    }
}
