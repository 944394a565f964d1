package org.socialsuite.profile.profile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.network.NetworkLookups;
import org.socialsuite.profile.network.SingleFlight;

/**
 * Brings a stored profile up to date from its network: one upstream call per profile at a time,
 * however many ask; a profile that became fresh meanwhile is not fetched again. A change in the
 * widget's fields is published.
 */
@ApplicationScoped
public class ProfileRefresher {

    private static final Logger LOG = Logger.getLogger(ProfileRefresher.class);

    private final ConsumerProfileRepository profiles;
    private final NetworkLookups network;
    private final ProfileUpdates updates;
    private final ProfileSettings settings;
    private final Clock clock;
    private final SingleFlight<String, ConsumerProfile> flights;

    public ProfileRefresher(
            ConsumerProfileRepository profiles,
            NetworkLookups network,
            ProfileUpdates updates,
            ProfileSettings settings,
            Clock clock,
            Vertx vertx) {
        this.profiles = profiles;
        this.network = network;
        this.updates = updates;
        this.settings = settings;
        this.clock = clock;
        this.flights = new SingleFlight<>(vertx);
    }

    /** The profile, fresh; fails with an UpstreamFailure when the network cannot say. */
    public Uni<ConsumerProfile> refresh(String profileId) {
        return flights.run(profileId, () -> fetchUnlessFresh(profileId));
    }

    /** Fetches what an event left incomplete, so names reach the conversation list early. */
    public void refreshInBackground(String profileId) {
        refresh(profileId)
                .subscribe()
                .with(
                        refreshed -> {},
                        failure ->
                                LOG.infof(
                                        "Profile %s not fetched yet: %s",
                                        profileId, failure.getMessage()));
    }

    private Uni<ConsumerProfile> fetchUnlessFresh(String profileId) {
        return Panache.withSession(() -> profiles.findById(profileId))
                .chain(
                        profile ->
                                profile.freshAt(clock.instant(), settings.cacheTtl())
                                        ? Uni.createFrom().item(profile)
                                        : network.profile(
                                                        profile.accountId,
                                                        profile.channel,
                                                        profile.consumerId)
                                                .chain(fetched -> store(profileId, fetched)));
    }

    private Uni<ConsumerProfile> store(String profileId, WidgetFields fetched) {
        Instant now = clock.instant();
        return Panache.withTransaction(
                        () ->
                                profiles.findById(profileId)
                                        .map(
                                                profile -> {
                                                    WidgetFields before = profile.widget();
                                                    profile.apply(fetched, now);
                                                    return new Stored(
                                                            profile,
                                                            !before.equals(profile.widget()));
                                                })
                                        .call(
                                                stored ->
                                                        stored.changed()
                                                                ? updates.announce(stored.profile())
                                                                : Uni.createFrom().voidItem()))
                .map(Stored::profile);
    }

    private record Stored(ConsumerProfile profile, boolean changed) {}
}
