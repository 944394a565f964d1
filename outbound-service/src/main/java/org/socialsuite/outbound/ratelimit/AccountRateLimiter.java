package org.socialsuite.outbound.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each account under its networks' quotas by queueing a burst instead of running into 429s: a
 * send without a permit is told when to try again. The buckets live in this process; with several
 * instances, give each its share of the quota.
 */
@ApplicationScoped
public class AccountRateLimiter {

    private final RateLimitConfig config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public AccountRateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    /** {@code now} when the send may go, or the moment to try again. */
    public Instant take(String accountId, Endpoint endpoint, Instant now) {
        return bucket(accountId, endpoint, now).take(now);
    }

    /** The network refused with a reset time: nothing more goes to it before then. */
    public void closeUntil(String accountId, Endpoint endpoint, Instant until) {
        bucket(accountId, endpoint, until).closeUntil(until);
    }

    private TokenBucket bucket(String accountId, Endpoint endpoint, Instant now) {
        return buckets.computeIfAbsent(
                accountId + "/" + endpoint.configName(),
                key -> {
                    RateLimitConfig.Limit limit = config.endpoints().get(endpoint.configName());
                    // Unlimited here, but a network's reset time still closes it.
                    return limit == null
                            ? new TokenBucket(Integer.MAX_VALUE, Duration.ofSeconds(1), now)
                            : new TokenBucket(limit.permits(), limit.period(), now);
                });
    }
}
