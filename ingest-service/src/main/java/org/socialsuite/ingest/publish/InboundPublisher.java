package org.socialsuite.ingest.publish;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.socialsuite.events.SocialEventReceived;

/**
 * Publishes inbound events to {@code social.inbound.v1}, keyed by conversation key. The returned
 * Uni completes only when Kafka has acknowledged every event (acks=all), and fails if any was not.
 */
@ApplicationScoped
public class InboundPublisher {

    private final MutinyEmitter<SocialEventReceived> emitter;

    public InboundPublisher(
            @Channel("social-inbound")
                    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384)
                    MutinyEmitter<SocialEventReceived> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publishAll(List<SocialEventReceived> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> acknowledgements = events.stream().map(this::publish).toList();
        return Uni.join()
                .all(acknowledgements)
                .andCollectFailures()
                .replaceWithVoid()
                .onFailure()
                .transform(
                        failure ->
                                new PublishFailed(
                                        "Kafka did not acknowledge the webhook's events: "
                                                + rootMessage(failure),
                                        failure));
    }

    private Uni<Void> publish(SocialEventReceived event) {
        OutgoingKafkaRecordMetadata<String> key =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.conversationKey().toString())
                        .build();
        return emitter.sendMessage(Message.of(event).addMetadata(key));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
