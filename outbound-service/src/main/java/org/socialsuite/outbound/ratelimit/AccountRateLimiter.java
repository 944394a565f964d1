package org.socialsuite.outbound.ratelimit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.socialsuite.support.persistence.NativeStatements;

/**
 * Keeps each account under its networks' quotas by queueing a burst instead of running into 429s: a
 * send that cannot go now is given a permit reserved for later ({@link TokenBucket}). The buckets
 * live in the database ({@code rate_bucket}), one row per account and endpoint, and a permit is
 * taken with the row locked: every replica draws on the same quota.
 */
@ApplicationScoped
public class AccountRateLimiter {

    private final RateLimitConfig config;

    public AccountRateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /** A permit for now or reserved for later, or none until the network's reset. */
    public Uni<Permit> take(String accountId, Endpoint endpoint, Instant now) {
        return withBucket(accountId, endpoint, now, bucket -> bucket.take(now));
    }

    /** The permit {@link #take} reserved, now due; void if the network closed the bucket since. */
    public Uni<Permit> redeem(String accountId, Endpoint endpoint, Instant now) {
        return withBucket(accountId, endpoint, now, bucket -> bucket.redeem(now));
    }

    /** The network refused with a reset time: nothing more goes to it before then. */
    public Uni<Void> closeUntil(String accountId, Endpoint endpoint, Instant until) {
        return withBucket(
                        accountId,
                        endpoint,
                        until,
                        bucket -> {
                            bucket.closeUntil(until);
                            return until;
                        })
                .replaceWithVoid();
    }

    private <T> Uni<T> withBucket(
            String accountId, Endpoint endpoint, Instant now, Function<TokenBucket, T> use) {
        String key = accountId + "/" + endpoint.configName();
        RateLimitConfig.Limit limit = config.endpoints().get(endpoint.configName());
        // Unlimited here, but a network's reset time still closes it.
        int permits = limit == null ? Integer.MAX_VALUE : limit.permits();
        Duration period = limit == null ? Duration.ofSeconds(1) : limit.period();
        return Panache.withTransaction(
                () ->
                        NativeStatements.execute(
                                        "INSERT INTO rate_bucket (key, tokens, refilled_at)"
                                                + " VALUES (?1, ?2, ?3) ON CONFLICT (key) DO"
                                                + " NOTHING",
                                        key,
                                        (double) permits,
                                        now)
                                .chain(
                                        () ->
                                                RateBucket.<RateBucket>findById(
                                                        key, LockModeType.PESSIMISTIC_WRITE))
                                .map(
                                        row -> {
                                            TokenBucket bucket =
                                                    new TokenBucket(
                                                            permits,
                                                            period,
                                                            row.tokens,
                                                            row.refilledAt,
                                                            row.closedUntil);
                                            T result = use.apply(bucket);
                                            bucket.saveTo(row);
                                            return result;
                                        }));
    }
}
