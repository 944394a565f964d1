package org.socialsuite.profile.network;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.socialsuite.profile.ProfileSettings;
import org.socialsuite.support.persistence.NativeStatements;

/**
 * Honours 429s: after one, an account makes no more look-ups until the network's reset time (or
 * {@code profile.rate-limit-pause} when it named none), and callers are told at once. The pause is
 * a row of {@code upstream_pause}, so what one replica learnt holds for all of them.
 */
@ApplicationScoped
public class UpstreamGuard {

    private final Clock clock;
    private final ProfileSettings settings;

    public UpstreamGuard(Clock clock, ProfileSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Fails at once while the account is paused; otherwise calls, and learns from a 429. */
    public <T> Uni<T> call(String accountId, Supplier<Uni<T>> lookup) {
        return Panache.withSession(() -> UpstreamPause.<UpstreamPause>findById(accountId))
                .chain(
                        pause -> {
                            Instant now = clock.instant();
                            if (pause != null && now.isBefore(pause.pausedUntil)) {
                                return Uni.createFrom()
                                        .failure(
                                                new UpstreamFailure(
                                                        UpstreamFailure.Kind.RATE_LIMITED,
                                                        "The network's rate limit for this account"
                                                                + " resets at "
                                                                + pause.pausedUntil,
                                                        pause.pausedUntil));
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
        return Panache.withTransaction(
                        () ->
                                NativeStatements.execute(
                                        "INSERT INTO upstream_pause (account_id, paused_until)"
                                                + " VALUES (?1, ?2) ON CONFLICT (account_id) DO"
                                                + " UPDATE SET paused_until ="
                                                + " GREATEST(upstream_pause.paused_until,"
                                                + " EXCLUDED.paused_until)",
                                        accountId,
                                        until))
                .replaceWithVoid();
    }
}
