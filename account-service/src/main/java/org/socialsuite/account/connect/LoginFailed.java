package org.socialsuite.account.connect;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A connection the network would not complete, in our words: 400 when it refused (a code used
 * twice, a page it would not subscribe), 502 when it could not be reached. Never the network's own
 * status: its 401 is not the administrator's.
 */
public class LoginFailed extends WebApplicationException {

    LoginFailed(String message, Response.Status status) {
        super(message, status);
    }

    /** The network's failure as ours; one already ours passes as it is. */
    static LoginFailed of(String network, String what, Throwable failure) {
        if (failure instanceof LoginFailed ours) {
            return ours;
        }
        if (failure instanceof WebApplicationException answered
                && answered.getResponse() != null
                && answered.getResponse().getStatus() < 500) {
            return new LoginFailed(
                    network + " " + what + "; try connecting again", Response.Status.BAD_REQUEST);
        }
        return new LoginFailed(
                network + " " + what + ": it could not be reached", Response.Status.BAD_GATEWAY);
    }
}
