package org.socialsuite.conversation.reply;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.events.ReplyResult;

/**
 * How each reply ended, from outbound-service: SENT with the network's id, FAILED with the reason,
 * or DELIVERY_UNKNOWN. Applying a result twice changes nothing.
 */
@ApplicationScoped
public class ReplyResultConsumer {

    private static final Logger LOG = Logger.getLogger(ReplyResultConsumer.class);

    private final MessageRepository messages;
    private final MeterRegistry metrics;

    public ReplyResultConsumer(MessageRepository messages, MeterRegistry metrics) {
        this.messages = messages;
        this.metrics = metrics;
    }

    @Incoming("social-outbound-result")
    @WithTransaction
    public Uni<Void> apply(ReplyResult result) {
        metrics.counter("conversation.reply.results", "status", result.status().name()).increment();
        return messages.findById(UUID.fromString(result.replyId()))
                .invoke(
                        message -> {
                            if (message == null) {
                                LOG.warnf(
                                        "Result for an unknown reply %s ignored", result.replyId());
                                return;
                            }
                            message.deliveryStatus = DeliveryStatus.valueOf(result.status().name());
                            if (result.platformMessageId() != null) {
                                message.platformId = result.platformMessageId();
                            }
                            message.failureReason = result.errorMessage();
                        })
                .replaceWithVoid();
    }
}
