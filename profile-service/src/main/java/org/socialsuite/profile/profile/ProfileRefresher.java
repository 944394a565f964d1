package org.socialsuite.profile.profile;

import static org.socialsuite.support.persistence.SqlTimes.utc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.socialsuite.events.Channel;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.profile.network.NetworkLookups;
import org.socialsuite.profile.network.SingleFlight;
import org.socialsuite.profile.network.UpstreamFailure;
import org.socialsuite.support.background.VertxContexts;
import org.socialsuite.support.persistence.NativeStatements;

/**
 * Brings a stored profile up to date from its network: one upstream call per profile at a time,
 * however many ask and whichever replica they ask. Within a process, callers share one flight;
 * across replicas, the one that claims the fetch in the database calls the network and the others
 * wait for its result. A profile that became fresh meanwhile is not fetched again. A change in the
 * widget's fields is published.
 */
@ApplicationScoped
public class ProfileRefresher {

    private static final Logger LOG = Logger.getLogger(ProfileRefresher.class);
    // How often, and how many times at most, a replica looks for another replica's fetch result.
    private static final Duration WAIT_POLL = Duration.ofMillis(100);
    private static final int WAIT_POLLS = 150;
    private static final int BACKGROUND_IN_FLIGHT = 4;
    private static final int BACKGROUND_WAITING = 10_000;

    private final ConsumerProfileRepository profiles;
    private final NetworkLookups network;
    private final ProfileUpdates updates;
    private final ProfileSettings settings;
    private final Clock clock;
    private final SingleFlight<String, ConsumerProfile> flights;
    private final Vertx vertx;
    private final Pool database;
    private final Queue<String> waiting = new ConcurrentLinkedQueue<>();
    private final Set<String> waitingIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();

    public ProfileRefresher(
            ConsumerProfileRepository profiles,
            NetworkLookups network,
            ProfileUpdates updates,
            ProfileSettings settings,
            Clock clock,
            Vertx vertx,
            Pool database) {
        this.profiles = profiles;
        this.network = network;
        this.updates = updates;
        this.settings = settings;
        this.clock = clock;
        this.flights = new SingleFlight<>(vertx);
        this.vertx = vertx;
        this.database = database;
    }

    /** The profile, fresh; fails with an UpstreamFailure when the network cannot say. */
    public Uni<ConsumerProfile> refresh(String profileId) {
        return flights.run(profileId, () -> fetchUnlessFresh(profileId));
    }

    /**
     * Fetches what an event left incomplete, so names reach the conversation list early: at most
     * {@link #BACKGROUND_IN_FLIGHT} at a time, each on a context of its own, the rest waiting in
     * arrival order. A poll of a thousand new people must not open a thousand sessions at once (the
     * pool would be exhausted by fetches holding one connection while asking for another). Beyond
     * {@link #BACKGROUND_WAITING} waiting, a profile is left to be fetched when an agent opens it.
     */
    public void refreshInBackground(String profileId) {
        if (waitingIds.size() >= BACKGROUND_WAITING || !waitingIds.add(profileId)) {
            return;
        }
        waiting.add(profileId);
        startWaiting();
    }

    private void startWaiting() {
        while (!waiting.isEmpty()) {
            int running = inFlight.get();
            if (running >= BACKGROUND_IN_FLIGHT) {
                return;
            }
            if (!inFlight.compareAndSet(running, running + 1)) {
                continue;
            }
            String next = waiting.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                continue;
            }
            waitingIds.remove(next);
            VertxContexts.runIsolated(vertx, () -> fetchInBackground(next))
                    .subscribe()
                    .with(
                            fetched -> finished(),
                            failure -> {
                                LOG.infof(
                                        "Profile %s not fetched yet: %s",
                                        next, failure.getMessage());
                                finished();
                            });
        }
    }

    private void finished() {
        inFlight.decrementAndGet();
        startWaiting();
    }

    /**
     * A fetch no one waits for: claimed in one statement that also checks what the queueing poll
     * saw (nobody fetching, not fetched within the expiry, not refused within its own), so a person
     * whom many polls queued is asked about once, and a fetch that is not needed costs one round
     * trip. A new Messenger consumer costs a claim, the call and a store or release.
     */
    private Uni<Void> fetchInBackground(String profileId) {
        Instant now = clock.instant();
        return database.preparedQuery(
                        "UPDATE consumer_profile SET fetch_claimed_until = $1 WHERE id = $2"
                                + " AND (fetch_claimed_until IS NULL OR fetch_claimed_until < $3)"
                                + " AND (fetched_at IS NULL OR fetched_at <= $4)"
                                + " AND (not_found_at IS NULL OR not_found_at <= $5)"
                                + " RETURNING account_id, channel, consumer_id")
                .execute(
                        Tuple.of(
                                utc(now.plus(settings.fetchClaim())),
                                profileId,
                                utc(now),
                                utc(now.minus(settings.cacheTtl())),
                                utc(now.minus(settings.notFoundTtl()))))
                .chain(
                        claimed -> {
                            if (claimed.size() == 0) {
                                return Uni.createFrom().voidItem();
                            }
                            Row row = claimed.iterator().next();
                            return fetch(
                                            profileId,
                                            row.getString("account_id"),
                                            Channel.valueOf(row.getString("channel")),
                                            row.getString("consumer_id"))
                                    .replaceWithVoid();
                        });
    }

    private Uni<ConsumerProfile> fetchUnlessFresh(String profileId) {
        return Panache.withSession(() -> profiles.findById(profileId))
                .chain(
                        profile -> {
                            Instant now = clock.instant();
                            if (profile.freshAt(now, settings.cacheTtl())) {
                                return Uni.createFrom().item(profile);
                            }
                            if (profile.missingAt(now, settings.notFoundTtl())) {
                                return Uni.createFrom()
                                        .failure(
                                                new UpstreamFailure(
                                                        UpstreamFailure.Kind.NOT_FOUND,
                                                        "The network did not know "
                                                                + profile.consumerId
                                                                + " at "
                                                                + profile.notFoundAt,
                                                        null));
                            }
                            return claimFetch(profile, now)
                                    .chain(
                                            claimed ->
                                                    claimed
                                                            ? fetch(
                                                                    profile.id,
                                                                    profile.accountId,
                                                                    profile.channel,
                                                                    profile.consumerId)
                                                            : fetchedElsewhere(
                                                                    profileId,
                                                                    profile.fetchedAt,
                                                                    WAIT_POLLS));
                        });
    }

    /**
     * Whether this replica fetches it: nobody holds a live claim, and nobody has fetched it since
     * it was read here.
     */
    private Uni<Boolean> claimFetch(ConsumerProfile seen, Instant now) {
        return database.preparedQuery(
                        "UPDATE consumer_profile SET fetch_claimed_until = $1 WHERE id = $2"
                                + " AND (fetch_claimed_until IS NULL OR fetch_claimed_until < $3)"
                                + " AND fetched_at IS NOT DISTINCT FROM $4::timestamptz")
                .execute(
                        Tuple.of(
                                utc(now.plus(settings.fetchClaim())),
                                seen.id,
                                utc(now),
                                utc(seen.fetchedAt)))
                .map(updated -> updated.rowCount() == 1);
    }

    /** Calls the network under this replica's claim; stores the answer, or releases the claim. */
    private Uni<ConsumerProfile> fetch(
            String profileId, String accountId, Channel channel, String consumerId) {
        return network.profile(accountId, channel, consumerId)
                .chain(fetched -> store(profileId, fetched))
                .onFailure()
                .call(failure -> releaseClaim(profileId, notFound(failure)));
    }

    /** Now, if the network said it does not know the person; else null. */
    private Instant notFound(Throwable failure) {
        return failure instanceof UpstreamFailure upstream
                        && upstream.kind() == UpstreamFailure.Kind.NOT_FOUND
                ? clock.instant()
                : null;
    }

    /**
     * Another replica is fetching it: its result, read from the database as soon as it is stored,
     * or a failure when that replica gave up (its claim released or expired unchanged).
     */
    private Uni<ConsumerProfile> fetchedElsewhere(String profileId, Instant seen, int polls) {
        return Panache.withSession(() -> profiles.findById(profileId))
                .chain(
                        profile -> {
                            if (!Objects.equals(profile.fetchedAt, seen)) {
                                return Uni.createFrom().item(profile);
                            }
                            boolean stillFetching =
                                    profile.fetchClaimedUntil != null
                                            && clock.instant().isBefore(profile.fetchClaimedUntil);
                            if (!stillFetching || polls == 0) {
                                return Uni.createFrom()
                                        .failure(
                                                new UpstreamFailure(
                                                        UpstreamFailure.Kind.UNAVAILABLE,
                                                        "Another replica's fetch of "
                                                                + profileId
                                                                + " did not complete",
                                                        null));
                            }
                            return VertxContexts.delay(vertx, WAIT_POLL)
                                    .chain(() -> fetchedElsewhere(profileId, seen, polls - 1));
                        });
    }

    /** After a failed fetch; remembers when the network said it does not know the person. */
    private Uni<Void> releaseClaim(String profileId, Instant notFoundAt) {
        return database.preparedQuery(
                        "UPDATE consumer_profile SET fetch_claimed_until = NULL, not_found_at ="
                                + " COALESCE($1::timestamptz, not_found_at) WHERE id = $2")
                .execute(Tuple.of(utc(notFoundAt), profileId))
                .replaceWithVoid();
    }

    /** In the caller's transaction, with the fetched fields. */
    private static Uni<Void> clearClaim(String profileId) {
        return NativeStatements.execute(
                        "UPDATE consumer_profile SET fetch_claimed_until = NULL WHERE id = ?1",
                        profileId)
                .replaceWithVoid();
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
                                                                : Uni.createFrom().voidItem())
                                        .call(() -> clearClaim(profileId)))
                .map(Stored::profile);
    }

    private record Stored(ConsumerProfile profile, boolean changed) {}
}
