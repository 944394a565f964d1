package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.socialsuite.support.background.RepeatingPass;

/**
 * Attempts the deliveries that are due again: after a backoff, a network's reset time or the
 * account's rate limit. One at a time, earliest first; the waits live in the database, so they
 * survive a restart.
 */
@ApplicationScoped
class DeliveryScheduler {

    private static final int BATCH = 50;

    private final DeliveryAttempts attempts;
    private final RepeatingPass passes;
    private final Clock clock = Clock.systemUTC();

    DeliveryScheduler(DeliveryAttempts attempts, Vertx vertx, RetryPolicy retryPolicy) {
        this.attempts = attempts;
        this.passes =
                new RepeatingPass(
                        vertx, retryPolicy.pollInterval(), "Delivery retries", this::attemptDue);
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
    }

    private Uni<Boolean> attemptDue() {
        return Panache.withSession(
                        () ->
                                Delivery.<Delivery>find(
                                                "status = ?1 and nextAttemptAt <= ?2 order by"
                                                        + " nextAttemptAt, requestedAt",
                                                DeliveryState.PENDING,
                                                clock.instant())
                                        .page(0, BATCH)
                                        .list())
                .map(due -> due.stream().map(delivery -> delivery.replyId).toList())
                .chain(this::attemptAll);
    }

    private Uni<Boolean> attemptAll(List<String> replyIds) {
        return Multi.createFrom()
                .iterable(replyIds)
                .onItem()
                .transformToUniAndConcatenate(attempts::attempt)
                .collect()
                .last()
                .replaceWith(replyIds.size() == BATCH);
    }
}
