package org.socialsuite.conversation.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The inbound events already applied, checked inside the handler's transaction, so a redelivered
 * event changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** True the first time a platform event is seen; records it in the current transaction. */
    public Uni<Boolean> firstTime(String platformEventId, Instant now) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "INSERT INTO processed_event (platform_event_id,"
                                                        + " processed_at) VALUES (?1, ?2) ON"
                                                        + " CONFLICT DO NOTHING")
                                        .setParameter(1, platformEventId)
                                        .setParameter(2, now)
                                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
