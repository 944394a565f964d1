package org.socialsuite.outbound.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.support.outbox.Outbox;

/**
 * A {@link ReplyResult} for every final state, keyed by conversation id, written to the outbox in
 * the transaction that records the state (so it is announced once that commits, whatever Kafka is
 * doing at the time), and its count.
 */
@ApplicationScoped
class DeliveryResults {

    private final Outbox outbox;
    private final MeterRegistry meters;

    DeliveryResults(Outbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Call inside the transaction that made the delivery final. */
    Uni<Void> announce(Delivery delivery) {
        ReplyResult result =
                new ReplyResult(
                        delivery.replyId,
                        delivery.conversationId,
                        DeliveryOutcome.valueOf(delivery.status.name()),
                        delivery.platformMessageId,
                        delivery.errorCode,
                        delivery.errorMessage,
                        delivery.attempts,
                        delivery.updatedAt);
        return outbox.add(Topics.OUTBOUND_RESULT, delivery.conversationId, result);
    }

    /** Once committed. */
    void count(Delivery delivery) {
        meters.counter(
                        "outbound.deliveries",
                        "channel",
                        delivery.channel.name(),
                        "mode",
                        delivery.mode.name(),
                        "outcome",
                        delivery.status.name())
                .increment();
    }
}
