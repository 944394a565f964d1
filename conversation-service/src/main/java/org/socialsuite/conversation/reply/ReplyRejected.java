package org.socialsuite.conversation.reply;

/** A reply the network would refuse or that breaks its rules; never sent, the agent is told why. */
public class ReplyRejected extends RuntimeException {

    private final int status;
    private final String error;

    private ReplyRejected(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static ReplyRejected badText(String message) {
        return new ReplyRejected(400, "invalid_text", message);
    }

    public static ReplyRejected unavailable(String message) {
        return new ReplyRejected(409, "mode_unavailable", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
