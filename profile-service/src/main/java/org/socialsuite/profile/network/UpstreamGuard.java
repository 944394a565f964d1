package org.socialsuite.profile.network;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.socialsuite.profile.ProfileSettings;

/**
 * Honours 429s: after one, an account makes no more look-ups until the network's reset time (or
 * {@code profile.rate-limit-pause} when it named none), and callers are told at once. The pause is
 * a row of {@code upstream_pause} (account_id, paused_until), so what one replica learnt holds for
 * all of them.
 */
@ApplicationScoped
public class UpstreamGuard {

    private final Clock clock;
    private final ProfileSettings settings;
    private final Pool database;

    public UpstreamGuard(Clock clock, ProfileSettings settings, Pool database) {
        this.clock = clock;
        this.settings = settings;
        this.database = database;
    }

    /** Fails at once while the account is paused; otherwise calls, and learns from a 429. */
    public <T> Uni<T> call(String accountId, Supplier<Uni<T>> lookup) {
        // On the SQL client, not in a Hibernate session: every look-up asks, so it is one round
        // trip.
        return database.preparedQuery(
                        "SELECT paused_until FROM upstream_pause WHERE account_id = $1")
                .execute(Tuple.of(accountId))
                .map(
                        rows ->
                                rows.size() == 0
                                        ? null
                                        : rows.iterator()
                                                .next()
                                                .getOffsetDateTime("paused_until")
                                                .toInstant())
                .chain(
                        pausedUntil -> {
                            Instant now = clock.instant();
                            if (pausedUntil != null && now.isBefore(pausedUntil)) {
                                return Uni.createFrom()
                                        .failure(
                                                new UpstreamFailure(
                                                        UpstreamFailure.Kind.RATE_LIMITED,
                                                        "The network's rate limit for this account"
                                                                + " resets at "
                                                                + pausedUntil,
                                                        pausedUntil));
                            }
                            return lookup.get()
                                    .onFailure(UpstreamFailure.class)
                                    .call(
                                            failure ->
                                                    pauseIfLimited(
                                                            accountId, (UpstreamFailure) failure));
                        });
    }

    private Uni<Void> pauseIfLimited(String accountId, UpstreamFailure failure) {
        if (failure.kind() != UpstreamFailure.Kind.RATE_LIMITED) {
            return Uni.createFrom().voidItem();
        }
        Instant until =
                failure.retryAt() != null
                        ? failure.retryAt()
                        : clock.instant().plus(settings.rateLimitPause());
        return database.preparedQuery(
                        "INSERT INTO upstream_pause (account_id, paused_until) VALUES ($1, $2)"
                                + " ON CONFLICT (account_id) DO UPDATE SET paused_until ="
                                + " GREATEST(upstream_pause.paused_until, EXCLUDED.paused_until)")
                .execute(Tuple.of(accountId, until.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
