package org.socialsuite.simulator.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.support.network.HmacSignature;

/**
 * POSTs a webhook to ingest-service, signed the way the network signs it, and tries again with
 * growing pauses while ingest does not take it, as the networks do.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int ATTEMPTS = 6;

    private final SimulatorConfig config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public WebhookDelivery(SimulatorConfig config) {
        this.config = config;
    }

    public void facebook(String body, ScheduledExecutorService retries) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature =
                "sha256="
                        + HexFormat.of()
                                .formatHex(
                                        HmacSignature.hmac(
                                                "HmacSHA256", config.facebookAppSecret(), bytes));
        send("/webhooks/facebook", "X-Hub-Signature-256", signature, bytes, 1, retries);
    }

    public void twitter(String body, ScheduledExecutorService retries) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature =
                "sha256="
                        + Base64.getEncoder()
                                .encodeToString(
                                        HmacSignature.hmac(
                                                "HmacSHA256",
                                                config.twitterConsumerSecret(),
                                                bytes));
        send("/webhooks/twitter", "x-twitter-webhooks-signature", signature, bytes, 1, retries);
    }

    private void send(
            String path,
            String signatureHeader,
            String signature,
            byte[] body,
            int attempt,
            ScheduledExecutorService retries) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(config.ingestUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header(signatureHeader, signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                        (response, failure) -> {
                            int status = response == null ? 0 : response.statusCode();
                            if (status / 100 == 2) {
                                return;
                            }
                            String why = failure != null ? failure.toString() : "HTTP " + status;
                            if (attempt >= ATTEMPTS || status / 100 == 4) {
                                LOG.warnf(
                                        "Webhook to %s dropped after %d attempts: %s",
                                        path, attempt, why);
                                return;
                            }
                            long delay = 1L << (attempt - 1);
                            LOG.infof(
                                    "Webhook to %s not taken (%s); again in %d s",
                                    path, why, delay);
                            retries.schedule(
                                    () ->
                                            send(
                                                    path,
                                                    signatureHeader,
                                                    signature,
                                                    body,
                                                    attempt + 1,
                                                    retries),
                                    delay,
                                    TimeUnit.SECONDS);
                        });
    }
}
