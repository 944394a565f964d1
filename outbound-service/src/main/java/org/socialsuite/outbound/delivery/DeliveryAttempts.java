package org.socialsuite.outbound.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.outbound.account.AccountAuthorisations;
import org.socialsuite.outbound.network.NetworkError;
import org.socialsuite.outbound.network.NetworkSender;
import org.socialsuite.outbound.ratelimit.AccountRateLimiter;
import org.socialsuite.outbound.ratelimit.Endpoint;
import org.socialsuite.outbound.ratelimit.Permit;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.support.credentials.CredentialUnreadable;
import org.socialsuite.support.tracing.Resumed;

/**
 * One attempt at a due delivery: the rules first (a reply that breaks one fails without a call),
 * then the account's rate limit (no permit: wait for one), then the claim (SENDING, committed
 * before the call, so a crash is reported rather than repeated), the call, and the outcome.
 */
@ApplicationScoped
class DeliveryAttempts {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class);

    private final NetworkSender network;
    private final AccountRegistry accounts;
    private final AccountRateLimiter rateLimiter;
    private final AccountAuthorisations authorisations;
    private final RetryPolicy retryPolicy;
    private final DeliveryResults results;
    private final MeterRegistry meters;
    private final ClaimSettings claims;
    private final Tracer tracer;
    private final Clock clock = Clock.systemUTC();

    DeliveryAttempts(
            NetworkSender network,
            AccountRegistry accounts,
            AccountRateLimiter rateLimiter,
            AccountAuthorisations authorisations,
            RetryPolicy retryPolicy,
            DeliveryResults results,
            MeterRegistry meters,
            ClaimSettings claims,
            Tracer tracer) {
        this.network = network;
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.authorisations = authorisations;
        this.retryPolicy = retryPolicy;
        this.results = results;
        this.meters = meters;
        this.claims = claims;
        this.tracer = tracer;
    }

    /**
     * Attempts the delivery if it is still PENDING and due; otherwise does nothing. Taken up by the
     * scheduler, the attempt is a span in the reply's trace.
     */
    Uni<Void> attempt(String replyId) {
        Instant now = clock.instant();
        return Panache.withSession(() -> Delivery.<Delivery>findById(replyId))
                .chain(
                        delivery ->
                                delivery != null && delivery.dueAt(now)
                                        ? Resumed.inStoredTrace(
                                                tracer,
                                                "deliver reply",
                                                delivery.traceParent,
                                                () -> attempt(delivery, now))
                                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> attempt(Delivery delivery, Instant now) {
        ReplyRequested reply = delivery.command();
        Optional<NetworkError> refusal = network.refusal(reply, now);
        if (refusal.isPresent()) {
            return conclude(
                    reply.replyId(),
                    Outcome.failed(refusal.get().code(), refusal.get().getMessage()));
        }
        Optional<ConnectedAccount> account = accounts.byId(reply.accountId());
        Optional<String> token;
        try {
            token = accounts.accessToken(reply.accountId());
        } catch (CredentialUnreadable unreadable) {
            // A key-encryption key this replica lacks: an operator's fix, not the network's answer.
            return conclude(
                    reply.replyId(),
                    Outcome.failed("credential_unreadable", unreadable.getMessage()));
        }
        if (account.isEmpty() || token.isEmpty()) {
            return conclude(
                    reply.replyId(),
                    Outcome.failed("unknown_account", "No connected account " + reply.accountId()));
        }
        Endpoint endpoint = Endpoint.of(reply);
        int attempt = delivery.attempts + 1;
        return permit(delivery, endpoint, now)
                .chain(
                        permit ->
                                permit.now(now)
                                        ? claimAndCall(
                                                reply, account.get(), token.get(), attempt, now)
                                        : postpone(reply.replyId(), permit));
    }

    /** The permit reserved for this delivery earlier, or a new one. */
    private Uni<Permit> permit(Delivery delivery, Endpoint endpoint, Instant now) {
        boolean reserved = delivery.permitAt != null && !delivery.permitAt.isAfter(now);
        return reserved
                ? rateLimiter.redeem(delivery.accountId, endpoint, now)
                : rateLimiter.take(delivery.accountId, endpoint, now);
    }

    private Uni<Void> claimAndCall(
            ReplyRequested reply,
            ConnectedAccount account,
            String token,
            int attempt,
            Instant now) {
        return claim(reply.replyId(), now)
                .chain(
                        claimed ->
                                claimed
                                        ? call(reply, account, token, attempt)
                                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> call(
            ReplyRequested reply, ConnectedAccount account, String token, int attempt) {
        return network.send(reply, account, token, clock.instant())
                .map(
                        platformId -> {
                            authorisations.authorised(reply.accountId());
                            return Outcome.sent(platformId);
                        })
                .onFailure(NetworkError.class)
                .recoverWithUni(
                        failure ->
                                closeIfTheNetworkSaidSo(reply, (NetworkError) failure)
                                        .replaceWith(
                                                () ->
                                                        afterRefusal(
                                                                reply,
                                                                (NetworkError) failure,
                                                                attempt)))
                .chain(outcome -> conclude(reply.replyId(), outcome));
    }

    /**
     * A rate limit with a reset time closes the account's bucket, for every replica, until then.
     */
    private Uni<Void> closeIfTheNetworkSaidSo(ReplyRequested reply, NetworkError error) {
        if (error.disposition() != NetworkError.Disposition.RETRY || error.retryAt() == null) {
            return Uni.createFrom().voidItem();
        }
        return rateLimiter.closeUntil(reply.accountId(), Endpoint.of(reply), error.retryAt());
    }

    private Outcome afterRefusal(ReplyRequested reply, NetworkError error, int attempt) {
        Instant now = clock.instant();
        return switch (error.disposition()) {
            case FAIL -> Outcome.failed(error.code(), error.getMessage());
            case OUTCOME_UNKNOWN -> Outcome.unknown(error.code(), error.getMessage());
            case REAUTHORISE -> {
                LOG.warnf(
                        "Account %s needs re-authorisation: %s",
                        reply.accountId(), error.getMessage());
                authorisations.needsReauthorisation(reply.accountId(), error.getMessage(), now);
                yield Outcome.failed(error.code(), error.getMessage());
            }
            case RETRY -> retry(reply, error, attempt, now);
        };
    }

    /** Again after the backoff and the network's reset time, or FAILED once the bounds are hit. */
    private Outcome retry(ReplyRequested reply, NetworkError error, int attempt, Instant now) {
        Optional<Instant> next =
                retryPolicy.nextAttempt(
                        attempt,
                        reply.requestedAt(),
                        error.retryAt(),
                        now,
                        ThreadLocalRandom.current()::nextDouble);
        if (next.isEmpty()) {
            String attempts = attempt == 1 ? " attempt: " : " attempts: ";
            return Outcome.failed(
                    error.code(), "Gave up after " + attempt + attempts + error.getMessage());
        }
        meters.counter("outbound.delivery.retries", "channel", reply.channel().name()).increment();
        LOG.infof(
                "Reply %s: %s; attempt %d at %s",
                reply.replyId(), error.getMessage(), attempt + 1, next.get());
        return Outcome.retryAt(next.get(), error.code(), error.getMessage());
    }

    /** PENDING to SENDING, committed, by exactly one caller, for the claim's time at most. */
    private Uni<Boolean> claim(String replyId, Instant now) {
        return Panache.withTransaction(
                        () ->
                                Delivery.update(
                                        "status = ?1, attempts = attempts + 1, updatedAt = ?2,"
                                                + " claimExpiresAt = ?3, claimedBy = ?4,"
                                                + " permitAt = null where replyId = ?5 and"
                                                + " status = ?6",
                                        DeliveryState.SENDING,
                                        now,
                                        now.plus(claims.timeout()),
                                        ClaimOwner.THIS_REPLICA,
                                        replyId,
                                        DeliveryState.PENDING))
                .map(updated -> updated == 1);
    }

    /** Waits for its permit (reserved for it, or the network's reset); not an attempt. */
    private Uni<Void> postpone(String replyId, Permit permit) {
        return Panache.withTransaction(
                        () ->
                                Delivery.update(
                                        "nextAttemptAt = ?1, permitAt = ?2 where replyId = ?3 and"
                                                + " status = ?4",
                                        permit.at(),
                                        permit.held() ? permit.at() : null,
                                        replyId,
                                        DeliveryState.PENDING))
                .replaceWithVoid();
    }

    /** The outcome, and for a final one its announcement, in one transaction. */
    private Uni<Void> conclude(String replyId, Outcome outcome) {
        return Panache.withTransaction(
                        () ->
                                Delivery.<Delivery>findById(replyId)
                                        .chain(
                                                delivery ->
                                                        record(delivery, outcome)
                                                                ? results.announce(delivery)
                                                                        .replaceWith(delivery)
                                                                : Uni.createFrom()
                                                                        .<Delivery>nullItem()))
                .invoke(
                        finished -> {
                            if (finished != null) {
                                results.count(finished);
                            }
                        })
                .replaceWithVoid();
    }

    /**
     * Whether the outcome changed the row to a final state. A claim that outlived its time was
     * reported DELIVERY_UNKNOWN meanwhile: only the news that it was sent after all is recorded
     * then; anything else leaves it unknown (never sent again).
     */
    private boolean record(Delivery delivery, Outcome outcome) {
        if (delivery.status == DeliveryState.DELIVERY_UNKNOWN
                && outcome.state() != DeliveryState.SENT) {
            LOG.warnf(
                    "Reply %s ended %s after its claim expired; it stays DELIVERY_UNKNOWN",
                    delivery.replyId, outcome.state());
            return false;
        }
        outcome.applyTo(delivery, clock.instant());
        return delivery.status.isFinal();
    }
}
