package org.socialsuite.ingest.webhook.facebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.Visibility;
import org.socialsuite.events.json.SocialEventReceivedDeserializer;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.TopicWatcher;

@QuarkusTest
@WithTestResource(KafkaResource.class)
class FacebookWebhookTest {

    private TopicWatcher<SocialEventReceived> inbound;

    @BeforeEach
    void watchInbound() {
        inbound = TopicWatcher.open(Topics.INBOUND, new SocialEventReceivedDeserializer());
    }

    @AfterEach
    void close() {
        inbound.close();
    }

    @Test
    void aSignedMessengerMessageIsPublishedOnceKafkaHasIt() {
        byte[] body = Payloads.read("facebook/messenger-text.json");
        Instant before = Instant.now();

        post(body, Payloads.facebookSignature(body))
                .statusCode(200)
                .body("published", equalTo(1))
                .body("skipped", equalTo(0));

        // Answered 200 only after the ack, so the event is already in the topic.
        ConsumerRecord<String, SocialEventReceived> record = inbound.awaitRecords(1).get(0);
        assertThat(record.key()).isEqualTo("acme-facebook:8001");
        SocialEventReceived event = record.value();
        assertThat(event.platformEventId()).isEqualTo("facebook:m_abc123:CREATED");
        assertThat(event.channel()).isEqualTo(Channel.FACEBOOK);
        assertThat(event.accountId()).isEqualTo("acme-facebook");
        assertThat(event.brandId()).isEqualTo("acme");
        assertThat(event.kind()).isEqualTo(MessageKind.PRIVATE_MESSAGE);
        assertThat(event.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(event.action()).isEqualTo(LifecycleAction.CREATED);
        assertThat(event.fromBrand()).isFalse();
        assertThat(event.consumerId()).isEqualTo("8001");
        assertThat(event.author().id()).isEqualTo("8001");
        assertThat(event.text()).isEqualTo("Hi, can you help? Grüße ☕");
        assertThat(event.platformId()).isEqualTo("m_abc123");
        assertThat(event.parentPlatformId()).isEqualTo("m_prev");
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochMilli(1767225600123L));
        assertThat(event.receivedAt()).isBetween(before, Instant.now());
    }

    @Test
    void missingOrWrongSignaturesAre401AndPublishNothing() {
        byte[] body = Payloads.read("facebook/messenger-text.json");

        given().contentType(ContentType.JSON)
                .body(body)
                .post("/webhooks/facebook")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_signature"))
                .body("message", equalTo("X-Hub-Signature-256 is missing"));
        post(body, Payloads.facebookSignature("{}".getBytes(StandardCharsets.UTF_8)))
                .statusCode(401)
                .body("message", equalTo("X-Hub-Signature-256 does not match the body"));

        assertOnlyTheMarkerFollows();
    }

    @Test
    void anUnknownPageIsAcceptedAndDropped() {
        byte[] body = Payloads.read("facebook/unknown-page.json");

        post(body, Payloads.facebookSignature(body))
                .statusCode(200)
                .body("published", equalTo(0))
                .body("skipped", equalTo(1));

        assertOnlyTheMarkerFollows();
    }

    @Test
    void anotherObjectTheAppIsSubscribedToIsAnswered200AndCounted() {
        byte[] body =
                ("{\"object\":\"instagram\",\"entry\":[{\"id\":\"17841400000000\","
                                + "\"time\":1767225600,\"changes\":[{\"field\":\"comments\","
                                + "\"value\":{\"id\":\"1790\",\"text\":\"hi\"}}]}]}")
                        .getBytes(StandardCharsets.UTF_8);

        post(body, Payloads.facebookSignature(body))
                .statusCode(200)
                .body("published", equalTo(0))
                .body("skipped", equalTo(1));

        assertOnlyTheMarkerFollows();
        given().get("/q/metrics")
                .then()
                .body(
                        org.hamcrest.Matchers.containsString(
                                "social_webhook_events_total{channel=\"FACEBOOK\",kind=\"object\","
                                        + "outcome=\"unsupported\""));
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        byte[] malformed = "{\"object\":\"page\",".getBytes(StandardCharsets.UTF_8);
        post(malformed, Payloads.facebookSignature(malformed))
                .statusCode(400)
                .body("error", equalTo("malformed_payload"));

        given().contentType(ContentType.TEXT)
                .header("X-Hub-Signature-256", Payloads.facebookSignature(malformed))
                .body(malformed)
                .post("/webhooks/facebook")
                .then()
                .statusCode(415);

        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThat(
                        Payloads.postExpectingContinue(
                                "/webhooks/facebook",
                                "X-Hub-Signature-256",
                                Payloads.facebookSignature(huge),
                                huge))
                .isEqualTo(413);
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "dev-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook")
                .then()
                .statusCode(200)
                .contentType(ContentType.TEXT)
                .body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/facebook")
                .then()
                .statusCode(403);
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    /**
     * Sends a valid message for the same consumer (so the same partition) and checks it is the only
     * record: anything published before it would have arrived first.
     */
    private void assertOnlyTheMarkerFollows() {
        byte[] marker = Payloads.read("facebook/messenger-text.json");
        post(marker, Payloads.facebookSignature(marker)).statusCode(200);

        List<ConsumerRecord<String, SocialEventReceived>> records = inbound.awaitRecords(1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value().platformId()).isEqualTo("m_abc123");
    }

    private static io.restassured.response.ValidatableResponse post(byte[] body, String signature) {
        return given().contentType(ContentType.JSON)
                .header("X-Hub-Signature-256", signature)
                .body(body)
                .post("/webhooks/facebook")
                .then();
    }
}
