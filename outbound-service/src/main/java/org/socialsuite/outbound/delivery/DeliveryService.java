package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.outbound.network.NetworkError;
import org.socialsuite.outbound.network.NetworkSender;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * Every {@link ReplyRequested} ends as exactly one post or message on the network, or a clear
 * failure: the delivery is claimed (SENDING, committed) before the call and finished after it, so a
 * redelivered command is never sent again and a crash mid-call is reported, not repeated.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final NetworkSender network;
    private final AccountRegistry accounts;
    private final MutinyEmitter<ReplyResult> results;
    private final Clock clock = Clock.systemUTC();

    public DeliveryService(
            NetworkSender network,
            AccountRegistry accounts,
            @Channel("social-outbound-result") MutinyEmitter<ReplyResult> results) {
        this.network = network;
        this.accounts = accounts;
        this.results = results;
    }

    @Incoming("social-outbound-requested")
    public Uni<Void> deliver(ReplyRequested reply) {
        return claim(reply).chain(claimed -> claimed ? send(reply) : Uni.createFrom().voidItem());
    }

    /** At start-up, a delivery left SENDING by a process that died mid-call: never sent again. */
    void reportInterruptedDeliveries(@Observes StartupEvent startup) throws Throwable {
        List<Delivery> interrupted =
                VertxContextSupport.subscribeAndAwait(
                        () ->
                                Panache.withTransaction(
                                        () ->
                                                Delivery.<Delivery>list(
                                                                "status", DeliveryState.SENDING)
                                                        .invoke(
                                                                deliveries ->
                                                                        deliveries.forEach(
                                                                                d -> {
                                                                                    d.status =
                                                                                            DeliveryState
                                                                                                    .DELIVERY_UNKNOWN;
                                                                                    d.errorMessage =
                                                                                            "The service"
                                                                                                + " stopped"
                                                                                                + " while"
                                                                                                + " sending;"
                                                                                                + " the reply"
                                                                                                + " may or"
                                                                                                + " may not"
                                                                                                + " have"
                                                                                                + " reached"
                                                                                                + " the network";
                                                                                    d.updatedAt =
                                                                                            clock
                                                                                                    .instant();
                                                                                }))));
        for (Delivery delivery : interrupted) {
            LOG.warnf("Delivery %s was interrupted; reported DELIVERY_UNKNOWN", delivery.replyId);
            VertxContextSupport.subscribeAndAwait(() -> publish(delivery));
        }
    }

    private Uni<Boolean> claim(ReplyRequested reply) {
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
                                            return newDelivery(reply).persist().replaceWith(true);
                                        }));
    }

    private Uni<Void> send(ReplyRequested reply) {
        ConnectedAccount account = accounts.byId(reply.accountId()).orElse(null);
        String token = accounts.accessToken(reply.accountId()).orElse(null);
        Uni<String> call =
                account == null || token == null
                        ? Uni.createFrom()
                                .failure(
                                        new NetworkError(
                                                0,
                                                "unknown_account",
                                                "No connected account " + reply.accountId()))
                        : network.send(reply, account, token);
        return call.map(Outcome::sent)
                .onFailure()
                .recoverWithItem(Outcome::failed)
                .chain(outcome -> finish(reply.replyId(), outcome))
                .chain(this::publish);
    }

    private Uni<Delivery> finish(String replyId, Outcome outcome) {
        return Panache.withTransaction(
                () ->
                        Delivery.<Delivery>findById(replyId)
                                .invoke(
                                        delivery -> {
                                            delivery.attempts++;
                                            delivery.status = outcome.state();
                                            delivery.platformMessageId = outcome.platformId();
                                            delivery.errorCode = outcome.code();
                                            delivery.errorMessage = outcome.message();
                                            delivery.updatedAt = clock.instant();
                                        }));
    }

    private Uni<Void> publish(Delivery delivery) {
        ReplyResult result =
                new ReplyResult(
                        delivery.replyId,
                        delivery.conversationId,
                        DeliveryOutcome.valueOf(delivery.status.name()),
                        delivery.platformMessageId,
                        delivery.errorCode,
                        delivery.errorMessage,
                        delivery.attempts,
                        delivery.updatedAt);
        return results.sendMessage(
                Message.of(result)
                        .addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder()
                                        .withKey(delivery.conversationId)
                                        .build()));
    }

    private Delivery newDelivery(ReplyRequested reply) {
        Delivery delivery = new Delivery();
        delivery.replyId = reply.replyId();
        delivery.conversationId = reply.conversationId();
        delivery.accountId = reply.accountId();
        delivery.channel = reply.channel();
        delivery.mode = reply.mode();
        delivery.status = DeliveryState.SENDING;
        delivery.requestedAt = reply.requestedAt();
        delivery.updatedAt = clock.instant();
        return delivery;
    }

    /** How one call ended. */
    private record Outcome(DeliveryState state, String platformId, String code, String message) {
        /** Accepted; without the network's id we cannot say what was posted. */
        static Outcome sent(String platformId) {
            return platformId != null
                    ? new Outcome(DeliveryState.SENT, platformId, null, null)
                    : new Outcome(
                            DeliveryState.DELIVERY_UNKNOWN,
                            null,
                            "no_id",
                            "The network accepted the reply but returned no id");
        }

        static Outcome failed(Throwable failure) {
            if (failure instanceof NetworkError error) {
                return new Outcome(DeliveryState.FAILED, null, error.code(), error.getMessage());
            }
            return new Outcome(DeliveryState.FAILED, null, "unreachable", failure.getMessage());
        }
    }
}
