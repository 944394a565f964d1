package org.socialsuite.ingest.webhook;

/** A webhook we refuse, with the status and the reason the sender gets. */
public class WebhookRejected extends RuntimeException {

    private final int status;
    private final String error;

    public WebhookRejected(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static WebhookRejected badSignature(String message) {
        return new WebhookRejected(401, "invalid_signature", message);
    }

    public static WebhookRejected malformed(String message) {
        return new WebhookRejected(400, "malformed_payload", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
