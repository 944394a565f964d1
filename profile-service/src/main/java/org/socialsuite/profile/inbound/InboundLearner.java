package org.socialsuite.profile.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.post.PostRepository;
import org.socialsuite.profile.profile.ConsumerProfile;
import org.socialsuite.profile.profile.ConsumerProfileRepository;
import org.socialsuite.profile.profile.ProfileRefresher;
import org.socialsuite.profile.profile.ProfileUpdates;
import org.socialsuite.profile.profile.WidgetFields;
import org.socialsuite.support.consumer.UntilApplied;

/**
 * Learns from every inbound event: its public item becomes a post of the account's threads (the
 * brand's own included), and a consumer's author hints update their profile. A change in the
 * widget's fields is published; a profile the hints leave incomplete is fetched in the background,
 * so a Messenger consumer's name reaches the conversation list without anyone asking. Applying the
 * same event twice changes nothing. The database being away is retried, never dead-lettered.
 */
@ApplicationScoped
public class InboundLearner {

    private static final Logger LOG = Logger.getLogger(InboundLearner.class);

    private final ConsumerProfileRepository profiles;
    private final PostRepository posts;
    private final ProfileUpdates updates;
    private final ProfileRefresher refresher;
    private final ProfileSettings settings;
    private final Clock clock;
    private final UntilApplied untilApplied;

    public InboundLearner(
            ConsumerProfileRepository profiles,
            PostRepository posts,
            ProfileUpdates updates,
            ProfileRefresher refresher,
            ProfileSettings settings,
            Clock clock,
            UntilApplied untilApplied) {
        this.untilApplied = untilApplied;
        this.profiles = profiles;
        this.posts = posts;
        this.updates = updates;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
    }

    @Incoming("social-inbound")
    public Uni<Void> learn(SocialEventReceived event) {
        return untilApplied
                .run("Learning from " + event.platformEventId(), () -> learnFrom(event))
                .onFailure()
                .invoke(
                        failure ->
                                LOG.errorf(
                                        failure, "Event %s not learnt", event.platformEventId()));
    }

    private Uni<Void> learnFrom(SocialEventReceived event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (event.fromBrand()) {
            return Panache.withTransaction(() -> posts.learn(event, now));
        }
        return Panache.withTransaction(
                        () ->
                                posts.learn(event, now)
                                        .chain(() -> learnProfile(event, now))
                                        .call(this::announceIfChanged))
                .invoke(learnt -> fetchIfIncomplete(learnt.profile(), now))
                .replaceWithVoid();
    }

    private Uni<Learnt> learnProfile(SocialEventReceived event, Instant now) {
        return profiles.findById(event.conversationKey().toString())
                .onItem()
                .ifNull()
                .switchTo(() -> profiles.persist(ConsumerProfile.of(event, now)))
                .map(
                        profile -> {
                            WidgetFields before = profile.widget();
                            profile.learn(event.author(), now);
                            return new Learnt(profile, !before.equals(profile.widget()));
                        });
    }

    private Uni<Void> announceIfChanged(Learnt learnt) {
        return learnt.changed() ? updates.announce(learnt.profile()) : Uni.createFrom().voidItem();
    }

    private void fetchIfIncomplete(ConsumerProfile profile, Instant now) {
        if (!profile.freshAt(now, settings.cacheTtl())
                && !profile.missingAt(now, settings.notFoundTtl())) {
            refresher.refreshInBackground(profile.id);
        }
    }

    private record Learnt(ConsumerProfile profile, boolean changed) {}
}
