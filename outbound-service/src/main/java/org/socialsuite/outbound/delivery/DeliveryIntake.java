package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.support.consumer.UntilApplied;

/**
 * Records each {@link ReplyRequested} once, by its replyId, and makes the first attempt at once, so
 * replies of one conversation normally leave in the order they were written. Retries belong to
 * {@link DeliveryScheduler}.
 */
@ApplicationScoped
class DeliveryIntake {

    private static final Logger LOG = Logger.getLogger(DeliveryIntake.class);

    private final DeliveryAttempts attempts;
    private final Clock clock = Clock.systemUTC();
    private final UntilApplied untilApplied;

    DeliveryIntake(DeliveryAttempts attempts, UntilApplied untilApplied) {
        this.attempts = attempts;
        this.untilApplied = untilApplied;
    }

    /** The database being away is retried, never dead-lettered. */
    @Incoming("social-outbound-requested")
    Uni<Void> receive(ReplyRequested reply) {
        return untilApplied
                .run("Reply " + reply.replyId(), () -> register(reply))
                .chain(
                        registered ->
                                registered
                                        ? attempts.attempt(reply.replyId())
                                        : Uni.createFrom().voidItem());
    }

    private Uni<Boolean> register(ReplyRequested reply) {
        return Panache.withTransaction(
                () ->
                        Delivery.<Delivery>findById(reply.replyId())
                                .chain(
                                        existing -> {
                                            if (existing != null) {
                                                LOG.infof(
                                                        "Reply %s was already taken (%s); not sent"
                                                                + " again",
                                                        reply.replyId(), existing.status);
                                                return Uni.createFrom().item(false);
                                            }
                                            return Delivery.pending(reply, clock.instant())
                                                    .persist()
                                                    .replaceWith(true);
                                        }));
    }
}
