package org.socialsuite.conversation.reply;

import java.util.List;
import org.socialsuite.events.PersonalDataKind;

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

    /** A public reply that would show personal data, and was not confirmed. */
    public static ReplyRejected personalData(List<PersonalDataKind> kinds) {
        return new ReplyRejected(
                409,
                "personal_data",
                "Would publish personal data: "
                        + PersonalDataKind.words(kinds)
                        + ". Send it privately, or confirm that it may be public");
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
