package org.socialsuite.outbound.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void aBurstGoesOutUpToTheQuotaAndTheRestAreReservedOneRefillApart() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(3), T0);

        assertThat(bucket.take(T0)).isEqualTo(new Permit(T0, true));
        assertThat(bucket.take(T0)).isEqualTo(new Permit(T0, true));
        assertThat(bucket.take(T0)).isEqualTo(new Permit(T0, true));
        // Each later caller gets a moment of its own: no crowd asking again at every refill.
        assertThat(bucket.take(T0)).isEqualTo(new Permit(T0.plusSeconds(1), true));
        assertThat(bucket.take(T0.plusMillis(500))).isEqualTo(new Permit(T0.plusSeconds(2), true));
        // A reserved permit, due, goes without taking another.
        assertThat(bucket.redeem(T0.plusSeconds(1))).isEqualTo(new Permit(T0.plusSeconds(1), true));
        assertThat(bucket.take(T0.plusSeconds(2))).isEqualTo(new Permit(T0.plusSeconds(3), true));
        // Idle, it refills to its size, never beyond.
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(T0.plusSeconds(60)).now(T0.plusSeconds(60))).isTrue();
        }
        assertThat(bucket.take(T0.plusSeconds(60)).now(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void aNetworksResetTimeClosesItUntilThenVoidingReservationsWithTheWholeQuotaBack() {
        TokenBucket bucket = new TokenBucket(100, Duration.ofMinutes(15), T0);
        Instant reset = T0.plusSeconds(90);

        bucket.closeUntil(reset);

        assertThat(bucket.take(T0.plusSeconds(10))).isEqualTo(new Permit(reset, false));
        assertThat(bucket.redeem(T0.plusSeconds(10))).isEqualTo(new Permit(reset, false));
        for (int i = 0; i < 100; i++) {
            assertThat(bucket.take(reset)).isEqualTo(new Permit(reset, true));
        }
        assertThat(bucket.take(reset).at()).isAfter(reset);
    }
}
