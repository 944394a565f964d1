package org.socialsuite.profile.network;

import java.time.Instant;

/** A network could not answer a look-up. */
public class UpstreamFailure extends RuntimeException {

    public enum Kind {
        /** Down, unreachable, or refusing for its own reasons. */
        UNAVAILABLE,
        /** The item or person does not exist, or is not visible to the account. */
        NOT_FOUND,
        /** Over its quota: nothing more before {@link #retryAt()}. */
        RATE_LIMITED
    }

    private final Kind kind;
    private final Instant retryAt;

    public UpstreamFailure(Kind kind, String message, Instant retryAt) {
        super(message);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    public Kind kind() {
        return kind;
    }

    /** When the network will answer again, if it said so. */
    public Instant retryAt() {
        return retryAt;
    }
}
