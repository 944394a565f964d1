package org.socialsuite.profile.profile;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.Topics;
import org.socialsuite.support.outbox.Outbox;
import org.socialsuite.support.tracing.StoredTrace;

/**
 * Announces {@link ConsumerProfileUpdated} on {@code social.profile.v1}, keyed {@code
 * channel:consumerId}, through the outbox: written in the transaction that stores the change, so
 * the announcement is never lost when Kafka fails at that moment.
 */
@ApplicationScoped
public class ProfileUpdates {

    private final Outbox outbox;
    private final Clock clock;

    public ProfileUpdates(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call in the transaction that changed the profiles, on its connection; in the order given. */
    public Uni<Void> announceAll(SqlConnection connection, List<ConsumerProfile> profiles) {
        Instant now = clock.instant();
        List<String> keys = new ArrayList<>(profiles.size());
        List<String> payloads = new ArrayList<>(profiles.size());
        List<String> traceParents = new ArrayList<>(profiles.size());
        String traceParent = StoredTrace.current();
        for (ConsumerProfile profile : profiles) {
            ConsumerProfileUpdated update = profile.updated(now);
            keys.add(update.key());
            payloads.add(Outbox.payload(update));
            traceParents.add(traceParent);
        }
        return Outbox.addAll(connection, Topics.PROFILE, keys, payloads, traceParents, now);
    }

    /** Call inside the transaction that changed the profile. */
    public Uni<Void> announce(ConsumerProfile profile) {
        ConsumerProfileUpdated update = profile.updated(clock.instant());
        return outbox.add(Topics.PROFILE, update.key(), update);
    }
}
