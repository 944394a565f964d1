package org.socialsuite.conversation.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.socialsuite.events.json.EventJson;

/**
 * Writes records to publish inside the caller's transaction; {@link OutboxRelay} sends them (wake
 * it after the commit to send at once rather than at its next round).
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> add(String topic, String key, Object event) {
        OutboxEntry entry = new OutboxEntry();
        entry.topic = topic;
        entry.recordKey = key;
        entry.payload = new String(EventJson.write(event), StandardCharsets.UTF_8);
        entry.createdAt = clock.instant();
        return entry.persist().replaceWithVoid();
    }
}
