package org.socialsuite.ingest.webhook.twitter;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.network.HmacSignature;

/**
 * Twitter/X's Account Activity signatures: {@code sha256=<base64 HMAC-SHA256>} keyed with the
 * consumer secret, over the raw body ({@code x-twitter-webhooks-signature}) or the CRC token.
 */
@ApplicationScoped
public class TwitterSignature {

    private static final String PREFIX = "sha256=";

    /**
     * What a CRC token looks like: a short base64 or base64url string. The CRC answer is the very
     * signature a webhook body needs, so signing anything else (a JSON body above all) would let
     * whoever asks forge webhooks.
     */
    private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{1,256}");

    private final TwitterWebhookConfig config;

    public TwitterSignature(TwitterWebhookConfig config) {
        this.config = config;
    }

    /** The answer to a CRC check; 400 for anything that is not a CRC token. */
    public String crcResponse(String crcToken) {
        if (crcToken == null || !CRC_TOKEN.matcher(crcToken).matches()) {
            throw WebhookRejected.malformed(
                    "crc_token must be a base64 string of at most 256 characters");
        }
        return PREFIX + base64(crcToken.getBytes(StandardCharsets.US_ASCII));
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
