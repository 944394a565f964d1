package org.socialsuite.support.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.support.tracing.StoredTrace;

/**
 * The one way a service announces a change of its state: the record is written in the caller's
 * transaction, with the change, and {@link OutboxRelay} publishes it once that commits. The table's
 * trigger notifies the relays at commit (PostgreSQL delivers a NOTIFY only then), so no writer has
 * to remember to wake them. The row keeps the writer's trace context, so the publication joins its
 * trace.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> add(String topic, String key, Object event) {
        return write(topic, key, payload(event));
    }

    /** An event as the outbox stores it: its JSON, as text. */
    public static String payload(Object event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    /**
     * A record without a value for the key: on a compacted topic, the key's end (a disconnected
     * account), which compaction then forgets.
     */
    public Uni<Void> tombstone(String topic, String key) {
        return write(topic, key, null);
    }

    /**
     * Many records in one statement on the caller's connection, in its transaction, published in
     * the order given: for the set-based paths that write without Hibernate.
     */
    public static Uni<Void> addAll(
            SqlConnection connection,
            String topic,
            List<String> keys,
            List<String> payloads,
            List<String> traceParents,
            Instant createdAt) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection
                .preparedQuery(
                        "INSERT INTO outbox (topic, record_key, payload, trace_parent, created_at)"
                                + " SELECT $1, key, payload, trace_parent, $5"
                                + " FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY"
                                + " AS o(key, payload, trace_parent, position) ORDER BY position")
                .execute(
                        Tuple.of(
                                topic,
                                keys.toArray(String[]::new),
                                payloads.toArray(String[]::new),
                                traceParents.toArray(String[]::new),
                                createdAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private Uni<Void> write(String topic, String key, String payload) {
        OutboxEntry entry = new OutboxEntry();
        entry.topic = topic;
        entry.recordKey = key;
        entry.payload = payload;
        entry.createdAt = Instant.now();
        entry.traceParent = StoredTrace.current();
        return entry.persist().replaceWithVoid();
    }
}
