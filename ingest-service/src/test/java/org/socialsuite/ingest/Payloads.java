package org.socialsuite.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.socialsuite.support.network.HmacSignature;

/** Webhook bodies from src/test/resources/payloads, and their signatures. */
public final class Payloads {

    public static final String FACEBOOK_APP_SECRET = "dev-facebook-app-secret";
    public static final String TWITTER_CONSUMER_SECRET = "dev-twitter-consumer-secret";

    private Payloads() {}

    public static byte[] read(String path) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No payload " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /** The X-Hub-Signature-256 header Meta would send for this body. */
    public static String facebookSignature(byte[] body) {
        return "sha256="
                + HexFormat.of()
                        .formatHex(HmacSignature.hmac("HmacSHA256", FACEBOOK_APP_SECRET, body));
    }

    /** The x-twitter-webhooks-signature header Twitter/X would send for this body. */
    public static String twitterSignature(byte[] body) {
        return "sha256="
                + Base64.getEncoder()
                        .encodeToString(
                                HmacSignature.hmac("HmacSHA256", TWITTER_CONSUMER_SECRET, body));
    }
}
