package org.socialsuite.ingest.publish;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.testsupport.RestartableKafkaResource;

/** Kafka goes away: webhooks get 503 and readiness goes DOWN; it comes back: ingest recovers. */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
class BrokerOutageTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableKafkaResource.class));
        }
    }

    private final byte[] body = Payloads.read("facebook/messenger-text.json");

    @Test
    void answers503WhileKafkaIsDownAndRecoversWithoutARestart() {
        postWebhook().statusCode(200);

        RestartableKafkaResource.broker().stop();

        postWebhook()
                .statusCode(503)
                .body("error", equalTo("kafka_unavailable"))
                .body("message", equalTo("The events could not be stored right now; retry later"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));

        RestartableKafkaResource.broker().start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                given().get("/q/health/ready")
                                        .then()
                                        .log()
                                        .ifValidationFails()
                                        .statusCode(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> postWebhook().statusCode(200));
    }

    private io.restassured.response.ValidatableResponse postWebhook() {
        return given().contentType(ContentType.JSON)
                .header("X-Hub-Signature-256", Payloads.facebookSignature(body))
                .body(body)
                .post("/webhooks/facebook")
                .then();
    }
}
