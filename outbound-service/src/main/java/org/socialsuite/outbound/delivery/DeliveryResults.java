package org.socialsuite.outbound.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyResult;

/** A {@link ReplyResult} for every final state, keyed by conversation id, and its count. */
@ApplicationScoped
class DeliveryResults {

    private final MutinyEmitter<ReplyResult> results;
    private final MeterRegistry meters;

    DeliveryResults(
            @Channel("social-outbound-result") MutinyEmitter<ReplyResult> results,
            MeterRegistry meters) {
        this.results = results;
        this.meters = meters;
    }

    Uni<Void> publish(Delivery delivery) {
        meters.counter(
                        "outbound.deliveries",
                        "channel",
                        delivery.channel.name(),
                        "mode",
                        delivery.mode.name(),
                        "outcome",
                        delivery.status.name())
                .increment();
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
        return results.sendMessage(
                Message.of(result)
                        .addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder()
                                        .withKey(delivery.conversationId)
                                        .build()));
    }
}
