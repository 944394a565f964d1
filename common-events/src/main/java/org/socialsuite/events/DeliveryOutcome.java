package org.socialsuite.events;

/** The final state of one reply delivery. */
public enum DeliveryOutcome {
    SENT,
    FAILED,
    /** The process died between calling the network and recording the answer; never re-sent. */
    DELIVERY_UNKNOWN
}
