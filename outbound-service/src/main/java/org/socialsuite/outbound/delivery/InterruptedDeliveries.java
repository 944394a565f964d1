package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start-up, a delivery still SENDING was cut off mid-call by a process that died: the reply may
 * or may not be on the network. It becomes DELIVERY_UNKNOWN and is reported, never sent again:
 * posting twice in public is worse than asking an agent to check. The report goes to the outbox in
 * the same transaction, so it is published once messaging runs; nothing is sent from here, before
 * the channels are connected.
 */
@ApplicationScoped
class InterruptedDeliveries {

    private static final Logger LOG = Logger.getLogger(InterruptedDeliveries.class);
    static final String REASON =
            "The service stopped while sending; the reply may or may not have reached the network";

    private final DeliveryResults results;
    private final Clock clock = Clock.systemUTC();

    InterruptedDeliveries(DeliveryResults results) {
        this.results = results;
    }

    void report(@Observes @Priority(1) StartupEvent startup) throws Throwable {
        List<Delivery> interrupted =
                VertxContextSupport.subscribeAndAwait(
                        () ->
                                Panache.withTransaction(
                                        () ->
                                                Delivery.<Delivery>list(
                                                                "status", DeliveryState.SENDING)
                                                        .call(this::markUnknown)));
        for (Delivery delivery : interrupted) {
            LOG.warnf("Delivery %s was interrupted; reported DELIVERY_UNKNOWN", delivery.replyId);
            results.count(delivery);
        }
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
