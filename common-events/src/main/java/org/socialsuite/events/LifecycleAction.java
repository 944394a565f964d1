package org.socialsuite.events;

/** What happened to an item on its network. */
public enum LifecycleAction {
    CREATED,
    EDITED,
    DELETED,
    HIDDEN,
    UNHIDDEN
}
