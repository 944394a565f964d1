package org.socialsuite.support.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilAppliedTest {

    private final UntilApplied untilApplied = new UntilApplied();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void anOutageIsInfrastructureABadRecordIsNot() {
        assertThat(
                        InfrastructureFailure.isInfrastructure(
                                new CompletionException(new ConnectException("refused"))))
                .isTrue();
        assertThat(InfrastructureFailure.isInfrastructure(new VertxException("Pool closed", true)))
                .isTrue();
        assertThat(InfrastructureFailure.isInfrastructure(sql("57P01")))
                .as("admin shutdown")
                .isTrue();
        assertThat(InfrastructureFailure.isInfrastructure(sql("08006")))
                .as("connection failure")
                .isTrue();
        assertThat(InfrastructureFailure.isInfrastructure(sql("40001")))
                .as("serialization")
                .isTrue();
        assertThat(InfrastructureFailure.isInfrastructure(new RuntimeException(sql("23502"))))
                .as("not null")
                .isFalse();
        assertThat(InfrastructureFailure.isInfrastructure(sql("22001"))).as("too long").isFalse();
        assertThat(
                        InfrastructureFailure.isInfrastructure(
                                new IllegalArgumentException("bad event")))
                .isFalse();
        // Seen when the database went away mid-transaction: the failure and the failed rollback.
        assertThat(
                        InfrastructureFailure.isInfrastructure(
                                new CompositeException(
                                        new VertxException(
                                                "Connection is not active now, current status:"
                                                        + " CLOSED",
                                                true),
                                        new IllegalStateException("HR000090: Live transaction"))))
                .isTrue();
        assertThat(
                        InfrastructureFailure.isInfrastructure(
                                new CompositeException(
                                        new IllegalStateException("bad"), sql("23505"))))
                .isFalse();
    }

    @Test
    void anInfrastructureFailureIsRetriedUntilTheWorkIsDone() {
        String done =
                untilApplied
                        .run(
                                "test work",
                                () ->
                                        attempts.incrementAndGet() < 3
                                                ? Uni.createFrom()
                                                        .failure(new ConnectException("refused"))
                                                : Uni.createFrom().item("done"))
                        .await()
                        .atMost(Duration.ofSeconds(10));

        assertThat(done).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void theRecordsOwnFailureIsNotRetried() {
        UniAssertSubscriber<Object> outcome =
                untilApplied
                        .run(
                                "test work",
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom()
                                            .failure(new IllegalStateException("never applies"));
                                })
                        .subscribe()
                        .withSubscriber(UniAssertSubscriber.create());

        outcome.assertFailedWith(IllegalStateException.class, "never applies");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void atShutdownInfrastructureFailuresAbandonTheWorkWithoutAnOutcome() {
        untilApplied.stopping(null);

        UniAssertSubscriber<Object> outcome =
                untilApplied
                        .run(
                                "test work",
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom()
                                            .failure(new VertxException("Pool closed", true));
                                })
                        .subscribe()
                        .withSubscriber(UniAssertSubscriber.create());

        outcome.assertNotTerminated();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void atShutdownAnyFailureAbandonsTheWorkSoNoHealthyRecordIsDeadLettered() {
        untilApplied.stopping(null);

        // What a batch applied one by one met while the service closed its session under it.
        UniAssertSubscriber<Object> outcome =
                untilApplied
                        .run(
                                "test work",
                                () -> {
                                    attempts.incrementAndGet();
                                    return Uni.createFrom()
                                            .failure(
                                                    new IllegalStateException(
                                                            "Session/EntityManager is closed"));
                                })
                        .subscribe()
                        .withSubscriber(UniAssertSubscriber.create());

        outcome.assertNotTerminated();
        assertThat(attempts).hasValue(1);
    }

    private static PgException sql(String state) {
        return new PgException("failed", "ERROR", state, null);
    }
}
