package org.socialsuite.outbound.delivery;

/**
 * SENDING is recorded before the network is called, so a crash during the call is found at the next
 * start and reported DELIVERY_UNKNOWN instead of posted twice.
 */
public enum DeliveryState {
    PENDING,
    SENDING,
    SENT,
    FAILED,
    DELIVERY_UNKNOWN;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == DELIVERY_UNKNOWN;
    }
}
