package org.socialsuite.outbound.network;

/**
 * A network's refusal, read from its error body: the HTTP status, the network's code (Facebook
 * {@code code}/{@code error_subcode}, Twitter/X {@code title}) and its message.
 */
public class NetworkError extends RuntimeException {

    private final int status;
    private final String code;

    public NetworkError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
