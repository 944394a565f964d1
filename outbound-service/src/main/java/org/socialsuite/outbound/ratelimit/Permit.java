package org.socialsuite.outbound.ratelimit;

import java.time.Instant;

/**
 * A send's permit: held for {@code at} (now, or a moment reserved for it), or not held, in which
 * case the bucket is closed and the send asks again at {@code at}.
 */
public record Permit(Instant at, boolean held) {

    /** Whether the send goes now. */
    public boolean now(Instant now) {
        return held && !at.isAfter(now);
    }
}
