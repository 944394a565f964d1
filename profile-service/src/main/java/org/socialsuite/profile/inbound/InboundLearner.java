package org.socialsuite.profile.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.profile.ConsumerProfile;
import org.socialsuite.profile.profile.ProfileRefresher;
import org.socialsuite.profile.profile.ProfileUpdates;
import org.socialsuite.support.consumer.InboundDeadLetters;
import org.socialsuite.support.consumer.UntilApplied;

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

    private static final Logger LOG = Logger.getLogger(InboundLearner.class);

    private final ProfileUpdates updates;
    private final ProfileRefresher refresher;
    private final ProfileSettings settings;
    private final Clock clock;
    private final UntilApplied untilApplied;
    private final InboundDeadLetters deadLetters;

    public InboundLearner(
            ProfileUpdates updates,
            ProfileRefresher refresher,
            ProfileSettings settings,
            Clock clock,
            UntilApplied untilApplied,
            InboundDeadLetters deadLetters) {
        this.updates = updates;
        this.refresher = refresher;
        this.settings = settings;
        this.clock = clock;
        this.untilApplied = untilApplied;
        this.deadLetters = deadLetters;
    }

    /**
     * A poll at a time, in one transaction. If the poll fails for a reason of its own, its events
     * are learnt one by one and an event that fails alone goes to the dead-letter topic. A record
     * that cannot be read goes there too: each consumer group dead-letters what it could not apply,
     * so replaying the dead letters of one group never depends on another.
     */
    @Incoming("social-inbound")
    public Uni<Void> learn(ConsumerRecords<String, SocialEventReceived> batch) {
        List<ConsumerRecord<String, SocialEventReceived>> readable = new ArrayList<>();
        List<ConsumerRecord<String, SocialEventReceived>> unreadable = new ArrayList<>();
        batch.forEach(record -> (record.value() == null ? unreadable : readable).add(record));
        return inOrder(
                        unreadable,
                        record ->
                                untilApplied.run(
                                        "Dead-lettering an unreadable record",
                                        () -> deadLetters.unreadable(record)))
                .chain(() -> learnReadable(readable));
    }

    private Uni<Void> learnReadable(List<ConsumerRecord<String, SocialEventReceived>> readable) {
        if (readable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return untilApplied
                .run(
                        "Learning from " + readable.size() + " events",
                        () -> learnAll(readable.stream().map(ConsumerRecord::value).toList()))
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            LOG.warnf(
                                    "Learning from %d events failed (%s); one by one",
                                    readable.size(), failure.toString());
                            return oneByOne(readable);
                        });
    }

    private Uni<Void> oneByOne(List<ConsumerRecord<String, SocialEventReceived>> records) {
        return Multi.createFrom()
                .iterable(records)
                .onItem()
                .transformToUniAndConcatenate(
                        record ->
                                untilApplied
                                        .run(
                                                "Learning from " + record.value().platformEventId(),
                                                () -> learnAll(List.of(record.value())))
                                        .onFailure()
                                        .recoverWithUni(
                                                failure ->
                                                        untilApplied.run(
                                                                "Dead-lettering "
                                                                        + record.value()
                                                                                .platformEventId(),
                                                                () ->
                                                                        deadLetters.failed(
                                                                                record, failure))))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /**
     * Learns from the events in order: what they touch is read in two queries, each profile whose
     * widget changed is announced once with its final state, and the profiles still incomplete are
     * fetched in the background once the transaction committed.
     */
    Uni<Void> learnAll(List<SocialEventReceived> events) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(
                        () ->
                                PollLearning.load(events)
                                        .call(poll -> learnInOrder(poll, events, now))
                                        .call(this::announceChanged))
                .invoke(poll -> poll.profiles().forEach(profile -> fetchIfIncomplete(profile, now)))
                .replaceWithVoid();
    }

    /** One after the other, as a stream: a chain of a thousand nested Unis overflows the stack. */
    private static Uni<Void> learnInOrder(
            PollLearning poll, List<SocialEventReceived> events, Instant now) {
        return inOrder(events, event -> poll.learn(event, now));
    }

    private Uni<Void> announceChanged(PollLearning poll) {
        return inOrder(poll.changed(), updates::announce);
    }

    private static <T> Uni<Void> inOrder(List<T> items, Function<T, Uni<Void>> step) {
        return Multi.createFrom()
                .iterable(items)
                .onItem()
                .transformToUniAndConcatenate(item -> step.apply(item))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private void fetchIfIncomplete(ConsumerProfile profile, Instant now) {
        if (!profile.freshAt(now, settings.cacheTtl())
                && !profile.missingAt(now, settings.notFoundTtl())) {
            refresher.refreshInBackground(profile.id);
        }
    }
}
