package org.socialsuite.profile.profile;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.Topics;
import org.socialsuite.support.outbox.Outbox;

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

    /** Call inside the transaction that changed the profile. */
    public Uni<Void> announce(ConsumerProfile profile) {
        ConsumerProfileUpdated update = profile.updated(clock.instant());
        return outbox.add(Topics.PROFILE, update.key(), update);
    }
}
