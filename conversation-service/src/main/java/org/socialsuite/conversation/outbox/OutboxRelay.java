package org.socialsuite.conversation.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.socialsuite.support.background.RepeatingPass;

/**
 * Publishes the outbox in order: right after a transaction that wrote to it commits, and every so
 * often in case a publication failed or the service restarted. A row is deleted only after Kafka
 * acknowledged it, in one statement for the pass; if the service dies in between, the row is sent
 * again, and the consumers' idempotency (replyId, messageId) makes that harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;

    private final MutinyEmitter<byte[]> emitter;
    private final RepeatingPass passes;

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<byte[]> emitter,
            Vertx vertx,
            @ConfigProperty(name = "conversation.outbox.poll-millis", defaultValue = "1000")
                    long periodMillis) {
        this.emitter = emitter;
        this.passes =
                new RepeatingPass(
                        vertx,
                        Duration.ofMillis(periodMillis),
                        "Outbox publication",
                        () ->
                                Panache.withTransaction(this::publishBatch)
                                        .map(published -> published == BATCH));
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
    }

    /** Asks for a pass; passes never overlap, and one asked for during a pass follows it. */
    public void wakeUp() {
        passes.wakeUp();
    }

    private Uni<Integer> publishBatch() {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "SELECT * FROM outbox ORDER BY id LIMIT "
                                                        + BATCH
                                                        + " FOR UPDATE SKIP LOCKED",
                                                OutboxEntry.class)
                                        .getResultList())
                .chain(this::send);
    }

    private Uni<Integer> send(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> acks = entries.stream().map(this::send).toList();
        List<Long> ids = entries.stream().map(entry -> entry.id).toList();
        return Uni.join()
                .all(acks)
                .andFailFast()
                .chain(() -> OutboxEntry.delete("id in ?1", ids))
                .replaceWith(entries.size());
    }

    private Uni<Void> send(OutboxEntry entry) {
        OutgoingKafkaRecordMetadata<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(entry.topic)
                        .withKey(entry.recordKey)
                        .build();
        return emitter.sendMessage(
                Message.of(entry.payload.getBytes(StandardCharsets.UTF_8)).addMetadata(metadata));
    }
}
