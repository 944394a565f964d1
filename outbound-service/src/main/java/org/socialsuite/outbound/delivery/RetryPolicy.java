package org.socialsuite.outbound.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Rate-limited and temporary failures are tried again with exponential backoff and jitter, never
 * before the network's own reset time, and only so often and so long: then the reply fails and an
 * agent decides.
 */
@ConfigMapping(prefix = "outbound.retry")
public interface RetryPolicy {

    /** Attempts in all, the first included. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failure; it doubles with each further one. */
    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT2M")
    Duration maxBackoff();

    /** How often due retries are looked for. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** No attempt later than this after the agent sent the reply. */
    @WithDefault("PT20M")
    Duration giveUpAfter();

    /**
     * When to try again after {@code attemptsMade} attempts, or nothing when the bounds are
     * reached. Equal jitter: half the backoff is fixed, half random, so retries do not stampede.
     */
    default Optional<Instant> nextAttempt(
            int attemptsMade,
            Instant requestedAt,
            Instant networkRetryAt,
            Instant now,
            DoubleSupplier random) {
        if (attemptsMade >= maxAttempts()) {
            return Optional.empty();
        }
        long exponential =
                Math.min(
                        maxBackoff().toMillis(),
                        initialBackoff().toMillis() << Math.min(attemptsMade - 1, 20));
        Instant next =
                now.plusMillis(exponential / 2 + (long) (random.getAsDouble() * exponential / 2));
        if (networkRetryAt != null && networkRetryAt.isAfter(next)) {
            next =
                    networkRetryAt.plusMillis(
                            (long) (random.getAsDouble() * initialBackoff().toMillis()));
        }
        return next.isAfter(requestedAt.plus(giveUpAfter())) ? Optional.empty() : Optional.of(next);
    }
}
