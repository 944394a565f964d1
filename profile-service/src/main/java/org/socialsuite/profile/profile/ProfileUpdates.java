package org.socialsuite.profile.profile;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.socialsuite.events.ConsumerProfileUpdated;

/**
 * Publishes {@link ConsumerProfileUpdated} on {@code social.profile.v1}, keyed {@code
 * channel:consumerId}, after the change is stored. A lost publication is repaired by the next
 * change: each update carries every widget field.
 */
@ApplicationScoped
public class ProfileUpdates {

    private static final Logger LOG = Logger.getLogger(ProfileUpdates.class);

    private final MutinyEmitter<ConsumerProfileUpdated> emitter;
    private final Clock clock;

    public ProfileUpdates(
            @Channel("social-profile") MutinyEmitter<ConsumerProfileUpdated> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    public Uni<Void> publish(ConsumerProfile profile) {
        ConsumerProfileUpdated update = profile.updated(clock.instant());
        return emitter.sendMessage(
                        Message.of(update)
                                .addMetadata(
                                        OutgoingKafkaRecordMetadata.<String>builder()
                                                .withKey(update.key())
                                                .build()))
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            LOG.warnf(
                                    "Profile update of %s not published: %s",
                                    update.key(), failure.toString());
                            return null;
                        });
    }
}
