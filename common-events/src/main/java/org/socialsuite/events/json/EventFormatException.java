package org.socialsuite.events.json;

/** An event that cannot be written or read; the message says which field is wrong. */
public class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
