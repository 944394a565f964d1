package org.socialsuite.support.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.socialsuite.support.background.RepeatingPass;

/**
 * Publishes the outbox in order: when a transaction that wrote to it commits (the table's trigger
 * sends {@code NOTIFY outbox}, which PostgreSQL delivers at commit to every replica listening), and
 * every so often in case a notification or a publication was missed. Replicas share the rows with
 * {@code FOR UPDATE SKIP LOCKED}. A row is deleted only after Kafka acknowledged it, in one
 * statement for the pass; if the service dies in between, the row is sent again, and the consumers'
 * idempotency makes that harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final String CHANNEL = "outbox";

    private final MutinyEmitter<byte[]> emitter;
    private final RepeatingPass passes;
    private final PgSubscriber commits;

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<byte[]> emitter,
            Vertx vertx,
            Config config) {
        this.emitter = emitter;
        this.passes =
                new RepeatingPass(
                        vertx,
                        Duration.ofMillis(
                                config.getOptionalValue("suite.outbox.poll-millis", Long.class)
                                        .orElse(1000L)),
                        "Outbox publication",
                        () ->
                                Panache.withTransaction(this::publishBatch)
                                        .map(published -> published == BATCH));
        this.commits = PgSubscriber.subscriber(vertx, database(config));
        // After a lost connection, listen again every second for as long as it takes.
        commits.reconnectPolicy(retries -> 1_000L);
        commits.channel(CHANNEL).handler(ignored -> passes.wakeUp());
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
        commits.connect()
                .onFailure(
                        failure ->
                                LOG.warnf(
                                        "Not listening for outbox commits (%s); publishing every"
                                                + " pass instead",
                                        failure.toString()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
        commits.close();
    }

    /** The service's own database, as its reactive datasource names it. */
    private static PgConnectOptions database(Config config) {
        PgConnectOptions options =
                PgConnectOptions.fromUri(
                        config.getValue("quarkus.datasource.reactive.url", String.class)
                                .replaceFirst("^vertx-reactive:", ""));
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(options::setPassword);
        return options;
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
