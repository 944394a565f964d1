package org.socialsuite.profile.network;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.socialsuite.profile.ProfileSettings;

/**
 * Honours 429s: after one, an account makes no more look-ups until the network's reset time (or
 * {@code profile.rate-limit-pause} when it named none), and callers are told at once.
 */
@ApplicationScoped
public class UpstreamGuard {

    private final Clock clock;
    private final ProfileSettings settings;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public UpstreamGuard(Clock clock, ProfileSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Fails at once while the account is paused; otherwise calls, and learns from a 429. */
    public <T> Uni<T> call(String accountId, Supplier<Uni<T>> lookup) {
        Instant now = clock.instant();
        Instant until = pausedUntil.get(accountId);
        if (until != null && now.isBefore(until)) {
            return Uni.createFrom()
                    .failure(
                            new UpstreamFailure(
                                    UpstreamFailure.Kind.RATE_LIMITED,
                                    "The network's rate limit for this account resets at " + until,
                                    until));
        }
        return lookup.get()
                .onFailure(UpstreamFailure.class)
                .invoke(failure -> pauseIfLimited(accountId, (UpstreamFailure) failure));
    }

    private void pauseIfLimited(String accountId, UpstreamFailure failure) {
        if (failure.kind() == UpstreamFailure.Kind.RATE_LIMITED) {
            Instant until =
                    failure.retryAt() != null
                            ? failure.retryAt()
                            : clock.instant().plus(settings.rateLimitPause());
            pausedUntil.merge(accountId, until, (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
