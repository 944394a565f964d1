package org.socialsuite.outbound.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aBurstGoesOutUpToTheQuotaThenOnePermitPerRefill() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(3), T0);

        assertThat(bucket.take(T0)).isEqualTo(T0);
        assertThat(bucket.take(T0)).isEqualTo(T0);
        assertThat(bucket.take(T0)).isEqualTo(T0);
        assertThat(bucket.take(T0)).isEqualTo(T0.plusSeconds(1));
        // Asking does not take: the next permit is still a second away, and then it is there.
        assertThat(bucket.take(T0.plusMillis(500))).isEqualTo(T0.plusSeconds(1));
        assertThat(bucket.take(T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aNetworksResetTimeClosesItUntilThenWithTheWholeQuotaBack() {
        TokenBucket bucket = new TokenBucket(100, Duration.ofMinutes(15), T0);
        Instant reset = T0.plusSeconds(90);

        bucket.closeUntil(reset);

        assertThat(bucket.take(T0.plusSeconds(10))).isEqualTo(reset);
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.take(reset)).isEqualTo(reset);
        }
        assertThat(bucket.take(reset)).isAfter(reset);
    }
}
