package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;
import org.socialsuite.support.background.RepeatingPass;

/**
 * A delivery still SENDING after its claim expired was cut off mid-call by a replica that died: the
 * reply may or may not be on the network. It becomes DELIVERY_UNKNOWN and is reported, never sent
 * again: posting twice in public is worse than asking an agent to check. Every replica looks, at
 * start-up and then every {@code outbound.claim.sweep-interval}; the rows are locked, so two
 * replicas never report one twice, and a live replica's claim has not expired. The report goes to
 * the outbox in the same transaction.
 */
@ApplicationScoped
class ExpiredClaims {

    private static final Logger LOG = Logger.getLogger(ExpiredClaims.class);
    static final String REASON =
            "The service stopped while sending; the reply may or may not have reached the network";
    private static final int BATCH = 100;

    private final DeliveryResults results;
    private final RepeatingPass passes;
    private final Clock clock = Clock.systemUTC();

    ExpiredClaims(DeliveryResults results, Vertx vertx, ClaimSettings settings) {
        this.results = results;
        this.passes =
                new RepeatingPass(vertx, settings.sweepInterval(), "Expired claims", this::sweep);
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
        passes.wakeUp();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
    }

    private Uni<Boolean> sweep() {
        return Panache.withTransaction(
                        () ->
                                Delivery.<Delivery>find(
                                                "status = ?1 and claimExpiresAt < ?2",
                                                DeliveryState.SENDING,
                                                clock.instant())
                                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                                        .page(0, BATCH)
                                        .list()
                                        .call(this::markUnknown))
                .invoke(
                        expired ->
                                expired.forEach(
                                        delivery -> {
                                            LOG.warnf(
                                                    "Delivery %s was interrupted (claimed by %s);"
                                                            + " reported DELIVERY_UNKNOWN",
                                                    delivery.replyId, delivery.claimedBy);
                                            results.count(delivery);
                                        }))
                .map(expired -> expired.size() == BATCH);
    }

    private Uni<Void> markUnknown(List<Delivery> deliveries) {
        return Multi.createFrom()
                .iterable(deliveries)
                .onItem()
                .transformToUniAndConcatenate(
                        delivery -> {
                            Outcome.unknown("interrupted", REASON)
                                    .applyTo(delivery, clock.instant());
                            return results.announce(delivery);
                        })
                .collect()
                .last()
                .replaceWithVoid();
    }
}
