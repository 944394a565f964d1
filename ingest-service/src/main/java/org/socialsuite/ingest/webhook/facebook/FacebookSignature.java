package org.socialsuite.ingest.webhook.facebook;

import jakarta.enterprise.context.ApplicationScoped;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.network.HmacSignature;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>} keyed with the app
 * secret, and the legacy SHA-1 header only when configured to.
 */
@ApplicationScoped
public class FacebookSignature {

    private final FacebookWebhookConfig config;

    public FacebookSignature(FacebookWebhookConfig config) {
        this.config = config;
    }

    public void verify(byte[] body, String sha256Header, String sha1Header) {
        if (sha256Header != null) {
            check(body, sha256Header, "sha256=", "HmacSHA256", "X-Hub-Signature-256");
        } else if (sha1Header != null && config.acceptSha1Signature()) {
            check(body, sha1Header, "sha1=", "HmacSHA1", "X-Hub-Signature");
        } else {
            throw WebhookRejected.badSignature("X-Hub-Signature-256 is missing");
        }
    }

    private void check(byte[] body, String header, String prefix, String algorithm, String name) {
        if (!header.startsWith(prefix)) {
            throw WebhookRejected.badSignature(name + " must start with " + prefix);
        }
        byte[] presented = HmacSignature.fromHex(header.substring(prefix.length()));
        byte[] expected = HmacSignature.hmac(algorithm, config.appSecret(), body);
        if (!HmacSignature.matches(expected, presented)) {
            throw WebhookRejected.badSignature(name + " does not match the body");
        }
    }
}
