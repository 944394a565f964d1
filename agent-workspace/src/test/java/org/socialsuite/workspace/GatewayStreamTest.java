package org.socialsuite.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An agent's live stream through the gateway is connected as soon as the service answers, not at
 * its first event: the workspace shows "Live" and reads again what it missed at that moment, which
 * for a quiet brand may be long before any event.
 */
@QuarkusTest
@WithTestResource(QuietStreamBackend.class)
class GatewayStreamTest {

    @Test
    void aQuietStreamIsConnectedAtOnce() throws Exception {
        CompletableFuture<HttpResponse<InputStream>> connected =
                HttpClient.newHttpClient()
                        .sendAsync(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        RestAssured.baseURI
                                                                + ":"
                                                                + RestAssured.port
                                                                + "/api/conversations/stream"))
                                        .header("Accept", "text/event-stream")
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
        try {
            // The backend never sends an event: only the head can complete this.
            HttpResponse<InputStream> response = connected.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            response.body().close();
        } finally {
            connected.cancel(true);
        }
    }
}
