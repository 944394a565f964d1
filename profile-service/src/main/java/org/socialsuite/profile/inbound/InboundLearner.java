package org.socialsuite.profile.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.profile.ConsumerProfile;
import org.socialsuite.profile.profile.ProfileRefresher;
import org.socialsuite.profile.profile.ProfileUpdates;
import org.socialsuite.support.inbound.InboundPolls;

/**
 * Learns from every inbound event: its public item becomes a post of the account's threads (the
 * brand's own included), and a consumer's author hints update their profile. A change in the
 * widget's fields is published; a profile the hints leave incomplete is fetched in the background,
 * so a Messenger consumer's name reaches the conversation list without anyone asking. Applying the
 * same event twice changes nothing. The database being away is retried, never dead-lettered.
 * Learning goes a poll at a time: one transaction, and each profile announced once per poll.
 */
@ApplicationScoped
public class InboundLearner {

    private final ProfileUpdates updates;
    private final ProfileRefresher refresher;
    private final ProfileSettings settings;
    private final Clock clock;
    private final InboundPolls polls;
    private final Pool database;

    public InboundLearner(
            ProfileUpdates updates,
            ProfileRefresher refresher,
            ProfileSettings settings,
            Clock clock,
            InboundPolls polls,
            Pool database) {
        this.updates = updates;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
        this.polls = polls;
        this.database = database;
    }

    /**
     * A poll at a time, in one transaction; unreadable records, failed polls and events that fail
     * alone as every inbound consumer treats them ({@link InboundPolls}).
     */
    @Incoming("social-inbound")
    public Uni<Void> learn(ConsumerRecords<String, SocialEventReceived> batch) {
        // Its announcements are per profile, not per event: they carry no event's trace.
        return polls.apply(
                batch, (events, spans) -> learnAll(events), event -> learnAll(List.of(event)));
    }

    /**
     * Learns from the events in order, set-based ({@link PollLearning}): each profile whose widget
     * changed is announced once with its final state, and the profiles still incomplete are fetched
     * in the background once the transaction committed.
     */
    Uni<Void> learnAll(List<SocialEventReceived> events) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.withTransaction(
                        connection -> {
                            LearningRows rows = new LearningRows(connection);
                            return PollLearning.load(rows, events)
                                    .invoke(poll -> events.forEach(event -> poll.learn(event, now)))
                                    .call(poll -> poll.write(rows))
                                    .call(poll -> updates.announceAll(connection, poll.changed()));
                        })
                .invoke(poll -> poll.profiles().forEach(profile -> fetchIfIncomplete(profile, now)))
                .replaceWithVoid();
    }

    private void fetchIfIncomplete(ConsumerProfile profile, Instant now) {
        if (!profile.freshAt(now, settings.cacheTtl())
                && !profile.missingAt(now, settings.notFoundTtl())) {
            refresher.refreshInBackground(profile.id);
        }
    }
}
