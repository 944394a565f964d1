package org.socialsuite.ingest;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /**
     * Posts a signed body asking for 100-continue, and returns the status. The server refuses an
     * oversized body from its Content-Length, before reading it; 100-continue lets the client see
     * that answer instead of a broken pipe.
     */
    public static int postExpectingContinue(
            String path, String signatureHeader, String signature, byte[] body) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                        .expectContinue(true)
                        .header("Content-Type", "application/json")
                        .header(signatureHeader, signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
