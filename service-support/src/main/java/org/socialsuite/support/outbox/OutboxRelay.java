package org.socialsuite.support.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.socialsuite.support.background.RepeatingPass;
import org.socialsuite.support.tracing.StoredTrace;

/**
 * Publishes the outbox in order: when a transaction that wrote to it commits (the table's trigger
 * sends {@code NOTIFY outbox}, which PostgreSQL delivers at commit to every replica listening), and
 * every so often in case a notification or a publication was missed. Replicas share the rows with
 * {@code FOR UPDATE SKIP LOCKED}. A row is deleted only after Kafka acknowledged it, in one
 * statement for the pass; if the service dies in between, the row is sent again, and the consumers'
 * idempotency makes that harmless. Each record is published in the trace of the work that wrote its
 * row.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * Rows per pass: enough that a busy poll's announcements go in one or two passes (the producer
     * batches them on the wire), few enough that a pass's acknowledgements arrive well within the
     * producer's delivery timeout.
     */
    private static final int BATCH = 1_000;

    private static final String CHANNEL = "outbox";

    private final MutinyEmitter<byte[]> emitter;
    private final Pool database;
    private final RepeatingPass passes;
    private final PgSubscriber commits;

    public OutboxRelay(
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<byte[]> emitter,
            Pool database,
            Vertx vertx,
            Config config) {
        this.emitter = emitter;
        this.database = database;
        this.passes =
                new RepeatingPass(
                        vertx,
                        Duration.ofMillis(
                                config.getOptionalValue("suite.outbox.poll-millis", Long.class)
                                        .orElse(1000L)),
                        "Outbox publication",
                        () ->
                                database.withTransaction(this::publishBatch)
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

    /**
     * One pass on one connection: the oldest rows no other replica holds, plain rows rather than
     * entities (a pass reads a thousand and only sends them on), deleted in one statement once
     * Kafka acknowledged every one.
     */
    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection
                .preparedQuery(
                        "SELECT id, topic, record_key, payload, trace_parent FROM outbox ORDER BY"
                                + " id LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(BATCH))
                .chain(rows -> send(connection, rows));
    }

    private Uni<Integer> send(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        Long[] ids = new Long[rows.size()];
        int i = 0;
        for (Row row : rows) {
            ids[i++] = row.getLong(0);
            acks.add(send(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
        }
        return Uni.join()
                .all(acks)
                .andFailFast()
                .chain(
                        () ->
                                connection
                                        .preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                                        .execute(Tuple.of(ids)))
                .replaceWith(ids.length);
    }

    private Uni<Void> send(String topic, String key, String payload, String traceParent) {
        OutgoingKafkaRecordMetadata<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build();
        Message<byte[]> message =
                Message.of(payload == null ? null : payload.getBytes(StandardCharsets.UTF_8))
                        .addMetadata(metadata);
        if (traceParent != null) {
            // The connector's publish span takes this as its parent and goes in the headers.
            message =
                    message.addMetadata(
                            TracingMetadata.withCurrent(StoredTrace.parent(traceParent)));
        }
        return emitter.sendMessage(message);
    }
}
