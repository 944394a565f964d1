package org.socialsuite.events;

/** Whether the consumer spoke where everyone can see it, or only to the brand. */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
