package org.socialsuite.conversation.reply;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.moderation.ModerationService;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.support.consumer.UntilApplied;

/**
 * How each reply ended, from outbound-service: SENT with the network's id, FAILED with the reason,
 * or DELIVERY_UNKNOWN, announced to the live stream. A moderation's result goes to {@link
 * ModerationService}. Applying a result twice changes nothing visible.
 */
@ApplicationScoped
public class ReplyResultConsumer {

    private static final Logger LOG = Logger.getLogger(ReplyResultConsumer.class);

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final ConversationEvents events;
    private final MeterRegistry metrics;
    private final UntilApplied untilApplied;
    private final ModerationService moderations;

    public ReplyResultConsumer(
            MessageRepository messages,
            ConversationRepository conversations,
            ConversationEvents events,
            MeterRegistry metrics,
            UntilApplied untilApplied,
            ModerationService moderations) {
        this.untilApplied = untilApplied;
        this.moderations = moderations;
        this.messages = messages;
        this.conversations = conversations;
        this.events = events;
        this.metrics = metrics;
    }

    @Incoming("social-outbound-result")
    public Uni<Void> consume(ReplyResult result) {
        metrics.counter("conversation.reply.results", "status", result.status().name()).increment();
        return untilApplied.run("Result of reply " + result.replyId(), () -> apply(result));
    }

    /** Replies are most results, so a reply is looked for first and a moderation after. */
    @WithTransaction
    Uni<Void> apply(ReplyResult result) {
        return messages.findById(UUID.fromString(result.replyId()))
                .chain(
                        message ->
                                message != null
                                        ? applyToReply(message, result)
                                        : moderations
                                                .applyResult(result)
                                                .invoke(
                                                        moderation -> {
                                                            if (!moderation) {
                                                                LOG.warnf(
                                                                        "Result for an unknown"
                                                                                + " reply %s"
                                                                                + " ignored",
                                                                        result.replyId());
                                                            }
                                                        })
                                                .replaceWithVoid());
    }

    private Uni<Void> applyToReply(Message message, ReplyResult result) {
        if (confirmedByItsEcho(message, result)) {
            LOG.infof(
                    "Reply %s is already on the network (its echo came first); the %s result"
                            + " changes nothing",
                    result.replyId(), result.status());
            return Uni.createFrom().voidItem();
        }
        return withoutItsEarlyEcho(message, result)
                .invoke(() -> record(message, result))
                .chain(() -> conversations.findById(message.conversationId))
                .chain(
                        conversation ->
                                events.deliveryChanged(
                                        conversation, message, result.completedAt()));
    }

    /**
     * The network's echo of the reply is the best evidence there is: a DELIVERY_UNKNOWN reported
     * after a crash mid-call, or any other outcome that arrives after the echo, never takes a
     * confirmed reply back.
     */
    private static boolean confirmedByItsEcho(Message message, ReplyResult result) {
        return message.deliveryStatus == DeliveryStatus.SENT
                && message.platformId != null
                && result.status() != DeliveryOutcome.SENT;
    }

    /**
     * An echo that came before this result and did not read like the reply (the network had
     * rewritten a link, say) was taken for a message sent outside the workspace: it is this reply.
     * Deleted at once, so the reply can take its platform id.
     */
    private Uni<Void> withoutItsEarlyEcho(Message message, ReplyResult result) {
        if (result.platformMessageId() == null) {
            return Uni.createFrom().voidItem();
        }
        return messages.delete(
                        "accountId = ?1 and platformId = ?2 and sentOutside = true",
                        message.accountId,
                        result.platformMessageId())
                .chain(
                        () ->
                                messages.releasePlatformId(
                                        message.accountId, result.platformMessageId(), message.id))
                .replaceWithVoid();
    }

    private static void record(Message message, ReplyResult result) {
        message.deliveryStatus = DeliveryStatus.valueOf(result.status().name());
        if (result.platformMessageId() != null) {
            message.platformId = result.platformMessageId();
        }
        message.failureReason = result.errorMessage();
    }
}
