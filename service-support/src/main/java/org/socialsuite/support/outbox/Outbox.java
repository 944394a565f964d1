package org.socialsuite.support.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        return write(topic, key, new String(EventJson.write(event), StandardCharsets.UTF_8));
    }

    /**
     * A record without a value for the key: on a compacted topic, the key's end (a disconnected
     * account), which compaction then forgets.
     */
    public Uni<Void> tombstone(String topic, String key) {
        return write(topic, key, null);
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
