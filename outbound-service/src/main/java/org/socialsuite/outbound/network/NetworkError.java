package org.socialsuite.outbound.network;

import java.time.Instant;

/**
 * A network's refusal, read from its error body and classified by PLATFORMS.md's tables.
 *
 * @param code the network's code (Facebook {@code code}/{@code error_subcode}, Twitter/X HTTP
 *     status or old-style error code)
 * @param retryAt the earliest moment the network said it would accept a retry ({@code
 *     x-rate-limit-reset}, {@code Retry-After}); absent when it did not say
 */
public class NetworkError extends RuntimeException {

    /** What a delivery does about the error. */
    public enum Disposition {
        /** Temporary or rate limited: try again later. */
        RETRY,
        /** The network will not take this reply: fail with the reason. */
        FAIL,
        /** The account's token is invalid: fail, and flag the account for re-authorisation. */
        REAUTHORISE,
        /** The request may have been processed: never repeat it. */
        OUTCOME_UNKNOWN
    }

    private final String code;
    private final Disposition disposition;
    private final Instant retryAt;

    public NetworkError(String code, String reason, Disposition disposition, Instant retryAt) {
        super(reason);
        this.code = code;
        this.disposition = disposition;
        this.retryAt = retryAt;
    }

    public static NetworkError fail(String code, String reason) {
        return new NetworkError(code, reason, Disposition.FAIL, null);
    }

    public String code() {
        return code;
    }

    public Disposition disposition() {
        return disposition;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
