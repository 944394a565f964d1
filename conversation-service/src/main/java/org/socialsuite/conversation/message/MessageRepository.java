package org.socialsuite.conversation.message;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Visibility;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    /**
     * Up to {@code limit} messages of a transcript, newest first: the latest ones, or those before
     * the cursor. One walk of the transcript index, however long the history is.
     */
    public Uni<List<Message>> newestFirst(UUID conversationId, TranscriptCursor before, int limit) {
        if (before == null) {
            return find("conversationId = ?1 order by occurredAt desc, seq desc", conversationId)
                    .range(0, limit - 1)
                    .list();
        }
        return find(
                        "conversationId = ?1 and occurredAt <= ?2"
                                + " and (occurredAt < ?2 or seq < ?3)"
                                + " order by occurredAt desc, seq desc",
                        conversationId,
                        before.occurredAt(),
                        before.seq())
                .range(0, limit - 1)
                .list();
    }

    /** One message of a conversation, or null. */
    public Uni<Message> inConversation(UUID conversationId, UUID id) {
        return find("id = ?1 and conversationId = ?2", id, conversationId).firstResult();
    }

    /** The consumer's latest public message still on the network, or null. */
    public Uni<Message> latestPublicFromConsumer(UUID conversationId) {
        return find(
                        "conversationId = ?1 and direction = ?2 and visibility = ?3"
                                + " and deleted = false order by occurredAt desc, seq desc",
                        conversationId,
                        MessageDirection.INBOUND,
                        Visibility.PUBLIC)
                .firstResult();
    }

    /** Whether an agent has sent a private response to this item (allowed once per comment). */
    public Uni<Boolean> privatelyAnswered(UUID conversationId, String platformId) {
        return count(
                        "conversationId = ?1 and replyMode = ?2 and targetPlatformId = ?3",
                        conversationId,
                        ReplyMode.PRIVATE_RESPONSE,
                        platformId)
                .map(count -> count > 0);
    }

    /** The message a platform id names on an account, or null. */
    public Uni<Message> findByPlatformId(String accountId, String platformId) {
        return find("accountId = ?1 and platformId = ?2", accountId, platformId).firstResult();
    }

    /**
     * Our oldest reply with this text that the network has not named yet (still being delivered, or
     * with an unknown outcome), or null.
     */
    public Uni<Message> awaitingPlatformId(
            String accountId, Channel channel, Visibility visibility, String text) {
        return find(
                        "accountId = ?1 and direction = ?2 and platformId is null"
                                + " and deliveryStatus in ?3 and channel = ?4 and visibility = ?5"
                                + " and text = ?6 order by occurredAt, seq",
                        accountId,
                        MessageDirection.OUTBOUND,
                        List.of(DeliveryStatus.PENDING, DeliveryStatus.DELIVERY_UNKNOWN),
                        channel,
                        visibility,
                        text)
                .firstResult();
    }

    /** Earlier texts of the given messages, oldest first. */
    public Uni<List<MessageVersion>> versionsOf(List<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return MessageVersion.<MessageVersion>find(
                        "messageId in ?1 order by replacedAt", messageIds)
                .list();
    }

    public Uni<Message> findByIdempotencyKey(UUID conversationId, String idempotencyKey) {
        return find("conversationId = ?1 and idempotencyKey = ?2", conversationId, idempotencyKey)
                .firstResult();
    }
}
