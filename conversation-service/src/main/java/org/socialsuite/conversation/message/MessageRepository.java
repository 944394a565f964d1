package org.socialsuite.conversation.message;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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
     * with an unknown outcome), or null; where the echo says what it answers, only a reply to that:
     * a public one to the same comment or tweet ({@code answering}), a private one to the same
     * consumer ({@code consumerId}). The same text sent to many comments at once (a bulk reply)
     * then confirms each reply by its own echo.
     */
    public Uni<Message> awaitingPlatformId(
            String accountId,
            Channel channel,
            Visibility visibility,
            String text,
            String answering,
            String consumerId) {
        StringBuilder query =
                new StringBuilder(
                        "accountId = :accountId and direction = :outbound and platformId is null"
                                + " and deliveryStatus in :awaiting and channel = :channel"
                                + " and visibility = :visibility and text = :text");
        Parameters parameters =
                Parameters.with("accountId", accountId)
                        .and("outbound", MessageDirection.OUTBOUND)
                        .and(
                                "awaiting",
                                List.of(DeliveryStatus.PENDING, DeliveryStatus.DELIVERY_UNKNOWN))
                        .and("channel", channel)
                        .and("visibility", visibility)
                        .and("text", text);
        if (answering != null) {
            query.append(" and targetPlatformId = :answering");
            parameters.and("answering", answering);
        } else if (consumerId != null) {
            query.append(
                    " and conversationId in (select c.id from Conversation c where c.accountId ="
                            + " :accountId and c.consumerId = :consumerId)");
            parameters.and("consumerId", consumerId);
        }
        query.append(" order by occurredAt, seq");
        return find(query.toString(), parameters).firstResult();
    }

    /**
     * Takes a platform id back from any other reply of ours that holds it: an echo matched by text
     * named the wrong one of two replies that read the same. That reply gets its own id from its
     * own result. Runs at once, before the caller's change is flushed.
     */
    public Uni<Integer> releasePlatformId(String accountId, String platformId, UUID except) {
        return update(
                "platformId = null where accountId = ?1 and platformId = ?2 and id <> ?3"
                        + " and direction = ?4 and sentOutside = false",
                accountId,
                platformId,
                except,
                MessageDirection.OUTBOUND);
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
