package org.socialsuite.outbound.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;

/**
 * Two replicas draw on one quota: the buckets are rows in the database, not memory of a process.
 * The second limiter here is a replica's own instance, sharing nothing with the first but the
 * database. The test profile allows 3 DMs per 3 s.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class SharedRateLimitTest {

    @Inject AccountRateLimiter replicaA;
    @Inject RateLimitConfig config;

    @Test
    void whatOneReplicaTookTheOtherCannotTakeAgain() throws Throwable {
        AccountRateLimiter replicaB = new AccountRateLimiter(config);
        String account = "shared-" + UUID.randomUUID();
        // The database keeps microseconds.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        for (int i = 0; i < 3; i++) {
            assertThat(take(replicaA, account, now)).isEqualTo(new Permit(now, true));
        }
        // The quota is spent, whichever replica asks: the next permits are reserved a second apart.
        assertThat(take(replicaB, account, now)).isEqualTo(new Permit(now.plusSeconds(1), true));
        assertThat(take(replicaA, account, now.plusSeconds(1)))
                .isEqualTo(new Permit(now.plusSeconds(2), true));

        // A reset time one replica learnt from a 429 holds for the other too.
        Instant reset = now.plus(Duration.ofMinutes(15));
        VertxContextSupport.subscribeAndAwait(
                () -> replicaA.closeUntil(account, Endpoint.TWITTER_DMS, reset));
        assertThat(take(replicaB, account, now.plusSeconds(10)))
                .isEqualTo(new Permit(reset, false));
    }

    private static Permit take(AccountRateLimiter replica, String account, Instant at)
            throws Throwable {
        return VertxContextSupport.subscribeAndAwait(
                () -> replica.take(account, Endpoint.TWITTER_DMS, at));
    }
}
