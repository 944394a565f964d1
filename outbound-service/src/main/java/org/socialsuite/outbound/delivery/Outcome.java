package org.socialsuite.outbound.delivery;

import java.time.Instant;

/**
 * How one attempt ended, as the delivery row records it.
 *
 * @param nextAttemptAt when a PENDING delivery is tried again
 */
record Outcome(
        DeliveryState state,
        String platformId,
        String code,
        String message,
        Instant nextAttemptAt) {

    static Outcome sent(String platformId) {
        return new Outcome(DeliveryState.SENT, platformId, null, null, null);
    }

    static Outcome failed(String code, String message) {
        return new Outcome(DeliveryState.FAILED, null, code, message, null);
    }

    static Outcome unknown(String code, String message) {
        return new Outcome(DeliveryState.DELIVERY_UNKNOWN, null, code, message, null);
    }

    /** Not yet: the last error stays visible on the row while it waits. */
    static Outcome retryAt(Instant at, String code, String message) {
        return new Outcome(DeliveryState.PENDING, null, code, message, at);
    }

    void applyTo(Delivery delivery, Instant now) {
        delivery.status = state;
        delivery.platformMessageId = platformId;
        delivery.errorCode = code;
        delivery.errorMessage = message;
        delivery.nextAttemptAt = nextAttemptAt;
        delivery.updatedAt = now;
    }
}
