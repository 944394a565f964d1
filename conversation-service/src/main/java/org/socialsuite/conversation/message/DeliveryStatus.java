package org.socialsuite.conversation.message;

/** Where an agent's reply stands; inbound messages have none. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED,
    DELIVERY_UNKNOWN
}
