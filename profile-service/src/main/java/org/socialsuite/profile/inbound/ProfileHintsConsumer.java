package org.socialsuite.profile.inbound;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.profile.profile.ConsumerProfile;
import org.socialsuite.profile.profile.ConsumerProfileRepository;

/**
 * Learns consumers from the author hints inbound events carry. Applying the same hints twice
 * changes nothing, so redelivery is harmless.
 */
@ApplicationScoped
public class ProfileHintsConsumer {

    private static final Logger LOG = Logger.getLogger(ProfileHintsConsumer.class);

    private final ConsumerProfileRepository profiles;

    public ProfileHintsConsumer(ConsumerProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Incoming("social-inbound")
    @WithTransaction
    public Uni<Void> learn(SocialEventReceived event) {
        if (event.fromBrand()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = event.conversationKey().toString();
        return profiles.findById(id)
                .onItem()
                .ifNull()
                .switchTo(() -> profiles.persist(newProfile(id, event)))
                .invoke(profile -> profile.learn(event.author(), now))
                .onFailure()
                .invoke(
                        failure ->
                                LOG.errorf(
                                        failure, "Hints of %s not learnt", event.platformEventId()))
                .replaceWithVoid();
    }

    private static ConsumerProfile newProfile(String id, SocialEventReceived event) {
        ConsumerProfile profile = new ConsumerProfile();
        profile.id = id;
        profile.accountId = event.accountId();
        profile.brandId = event.brandId();
        profile.channel = event.channel();
        profile.consumerId = event.conversationKey().consumerId();
        profile.learntAt = Instant.now();
        return profile;
    }
}
