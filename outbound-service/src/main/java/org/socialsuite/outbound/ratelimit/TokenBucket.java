package org.socialsuite.outbound.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code permits} per {@code period}, refilled continuously, so a burst goes out at once up to the
 * bucket's size and the rest are spaced evenly. A caller the bucket cannot serve now gets a permit
 * reserved for a later moment (the tokens go below zero), each its own, one refill apart: a queue
 * of n sends costs n takes, not a crowd asking again at every refill. A network's own "wait until"
 * closes it until then, and what was reserved before is void.
 */
final class TokenBucket {

    private final double capacity;
    private final double permitsPerNano;
    private double tokens;
    private Instant refilledAt;
    private Instant closedUntil = Instant.MIN;

    TokenBucket(int permits, Duration period, Instant now) {
        this(permits, period, permits, now, null);
    }

    /** A bucket as it was left, by this replica or another. */
    TokenBucket(
            int permits, Duration period, double tokens, Instant refilledAt, Instant closedUntil) {
        this.capacity = permits;
        this.permitsPerNano = permits / (double) period.toNanos();
        this.tokens = tokens;
        this.refilledAt = refilledAt;
        this.closedUntil = closedUntil == null ? Instant.MIN : closedUntil;
    }

    /** Writes the bucket's state back to its row. */
    synchronized void saveTo(RateBucket row) {
        row.tokens = tokens;
        row.refilledAt = refilledAt;
        row.closedUntil = closedUntil.equals(Instant.MIN) ? null : closedUntil;
    }

    /** Takes a permit, now or reserved for later; or none while the network has it closed. */
    synchronized Permit take(Instant now) {
        if (now.isBefore(closedUntil)) {
            return new Permit(closedUntil, false);
        }
        refill(now);
        tokens -= 1;
        if (tokens >= 0) {
            return new Permit(now, true);
        }
        return new Permit(now.plusNanos((long) Math.ceil(-tokens / permitsPerNano)), true);
    }

    /** A permit reserved earlier, due now: {@code now}, unless the network closed it since. */
    synchronized Permit redeem(Instant now) {
        return now.isBefore(closedUntil) ? new Permit(closedUntil, false) : new Permit(now, true);
    }

    /**
     * The network said it takes nothing more until then. Its quota windows are fixed: at the reset
     * the whole quota is back.
     */
    synchronized void closeUntil(Instant until) {
        if (until.isAfter(closedUntil)) {
            closedUntil = until;
            tokens = capacity;
            refilledAt = until;
        }
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            long elapsed = Duration.between(refilledAt, now).toNanos();
            tokens = Math.min(capacity, tokens + elapsed * permitsPerNano);
            refilledAt = now;
        }
    }
}
