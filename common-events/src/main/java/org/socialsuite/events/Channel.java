package org.socialsuite.events;

/** The social network a message travels on. */
public enum Channel {
    FACEBOOK,
    TWITTER
}
