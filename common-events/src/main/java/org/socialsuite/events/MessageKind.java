package org.socialsuite.events;

/** What kind of item a message is on its network (DESIGN.md §2). */
public enum MessageKind {
    POST(Visibility.PUBLIC),
    COMMENT(Visibility.PUBLIC),
    THREAD_REPLY(Visibility.PUBLIC),
    PRIVATE_MESSAGE(Visibility.PRIVATE);

    private final Visibility visibility;

    MessageKind(Visibility visibility) {
        this.visibility = visibility;
    }

    /** Each kind has exactly one visibility, so producers never have to decide it twice. */
    public Visibility visibility() {
        return visibility;
    }
}
