package org.socialsuite.events;

/** How an agent's reply goes out (DESIGN.md §2, "Reply modes"). */
public enum ReplyMode {
    PUBLIC,
    PRIVATE,
    /** Facebook only: a Messenger message sent in reply to a public comment or post. */
    PRIVATE_RESPONSE
}
