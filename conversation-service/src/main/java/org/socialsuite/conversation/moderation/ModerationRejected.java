package org.socialsuite.conversation.moderation;

/** A moderation the network would refuse, or one already under way: 409 with the reason. */
public class ModerationRejected extends RuntimeException {

    public ModerationRejected(String message) {
        super(message);
    }
}
