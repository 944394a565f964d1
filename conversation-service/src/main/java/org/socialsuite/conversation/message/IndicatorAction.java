package org.socialsuite.conversation.message;

import org.socialsuite.events.MessageKind;

/** The verb of a message's indicator: "Ann Lee commented", "Bob sent a private message". */
public enum IndicatorAction {
    POSTED,
    COMMENTED,
    REPLIED,
    MESSAGED;

    public static IndicatorAction of(MessageKind kind) {
        return switch (kind) {
            case POST -> POSTED;
            case COMMENT -> COMMENTED;
            case THREAD_REPLY -> REPLIED;
            case PRIVATE_MESSAGE -> MESSAGED;
        };
    }
}
