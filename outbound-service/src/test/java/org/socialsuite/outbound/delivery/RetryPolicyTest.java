package org.socialsuite.outbound.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** 5 attempts, 2 s doubling up to 2 min, nothing after 20 min: the production defaults. */
    private final RetryPolicy policy =
            new RetryPolicy() {
                public int maxAttempts() {
                    return 5;
                }

                public Duration initialBackoff() {
                    return Duration.ofSeconds(2);
                }

                public Duration maxBackoff() {
                    return Duration.ofMinutes(2);
                }

                public Duration pollInterval() {
                    return Duration.ofSeconds(1);
                }

                public Duration giveUpAfter() {
                    return Duration.ofMinutes(20);
                }
            };

    @Test
    void theBackoffDoublesWithHalfOfItRandom() {
        assertThat(policy.nextAttempt(1, T0, null, T0, () -> 0.0)).hasValue(T0.plusSeconds(1));
        assertThat(policy.nextAttempt(1, T0, null, T0, () -> 1.0)).hasValue(T0.plusSeconds(2));
        assertThat(policy.nextAttempt(3, T0, null, T0, () -> 1.0)).hasValue(T0.plusSeconds(8));
    }

    @Test
    void theNetworksResetTimeComesFirst() {
        Instant reset = T0.plusSeconds(300);
        assertThat(policy.nextAttempt(1, T0, reset, T0, () -> 0.0)).hasValue(reset);
    }

    @Test
    void itGivesUpAfterTheAttemptsOrTheTime() {
        assertThat(policy.nextAttempt(5, T0, null, T0, () -> 0.0)).isEmpty();
        assertThat(policy.nextAttempt(1, T0, T0.plus(Duration.ofMinutes(25)), T0, () -> 0.0))
                .isEmpty();
    }
}
