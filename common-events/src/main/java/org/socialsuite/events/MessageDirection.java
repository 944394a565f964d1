package org.socialsuite.events;

/** INBOUND: the consumer wrote it; OUTBOUND: an agent did. */
public enum MessageDirection {
    INBOUND,
    OUTBOUND
}
