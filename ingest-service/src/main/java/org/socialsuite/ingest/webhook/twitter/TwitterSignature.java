package org.socialsuite.ingest.webhook.twitter;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.network.HmacSignature;

/**
 * Twitter/X's Account Activity signatures: {@code sha256=<base64 HMAC-SHA256>} keyed with the
 * consumer secret, over the raw body ({@code x-twitter-webhooks-signature}) or the CRC token.
 */
@ApplicationScoped
public class TwitterSignature {

    private static final String PREFIX = "sha256=";

    private final TwitterWebhookConfig config;

    public TwitterSignature(TwitterWebhookConfig config) {
        this.config = config;
    }

    /** The answer to a CRC check. */
    public String crcResponse(String crcToken) {
        return PREFIX + base64(crcToken.getBytes(StandardCharsets.UTF_8));
    }

    public void verify(byte[] body, String header) {
        if (header == null) {
            throw WebhookRejected.badSignature("x-twitter-webhooks-signature is missing");
        }
        if (!header.startsWith(PREFIX)) {
            throw WebhookRejected.badSignature(
                    "x-twitter-webhooks-signature must start with " + PREFIX);
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            presented = null;
        }
        if (!HmacSignature.matches(hmac(body), presented)) {
            throw WebhookRejected.badSignature(
                    "x-twitter-webhooks-signature does not match the body");
        }
    }

    private String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(hmac(data));
    }

    private byte[] hmac(byte[] data) {
        return HmacSignature.hmac("HmacSHA256", config.consumerSecret(), data);
    }
}
