package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ReplyResultDeserializer;
import org.socialsuite.outbound.WireMockNetworks;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Each channel and mode: the network receives the exact method, path, credential and JSON body, and
 * the reply ends SENT with the network's id; a redelivered command calls the network once.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class DeliveryTest {

    private static final String FACEBOOK_TOKEN = "Bearer dev-acme-page-token";
    private static final String TWITTER_TOKEN = "Bearer dev-acme-twitter-token";

    private final WireMockServer network = WireMockNetworks.server();
    private TopicWatcher<ReplyResult> results;

    @BeforeEach
    void setUp() {
        network.resetAll();
        results = TopicWatcher.open(Topics.OUTBOUND_RESULT, new ReplyResultDeserializer());
    }

    @AfterEach
    void tearDown() {
        results.close();
    }

    @Test
    void aFacebookPublicReplyIsACommentUnderTheConsumersComment() {
        network.stubFor(
                post("/facebook/555_777/comments")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"id\":\"555_900\"}")));

        ReplyResult result =
                deliver(facebook(ReplyMode.PUBLIC, new ReplyTarget("8001", null, "555_777", null)));

        assertSent(result, "555_900");
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/555_777/comments"))
                        .withHeader("Authorization", equalTo(FACEBOOK_TOKEN))
                        .withRequestBody(equalToJson("{\"message\":\"We are on it\"}")));
    }

    @Test
    void aFacebookPrivateReplyUsesTheSendApiWithTheTagItNeeds() {
        stubSendApi("m_out_1");

        assertSent(
                deliver(facebook(ReplyMode.PRIVATE, new ReplyTarget("8001", null, null, null))),
                "m_out_1");
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/1000001/messages"))
                        .withHeader("Authorization", equalTo(FACEBOOK_TOKEN))
                        .withRequestBody(
                                equalToJson(
                                        "{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"We"
                                            + " are on it\"}}")));

        network.resetRequests();
        deliver(facebook(ReplyMode.PRIVATE, new ReplyTarget("8001", null, null, "HUMAN_AGENT")));
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/1000001/messages"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\",\"message\":{\"text\":\"We"
                                            + " are on it\"}}")));
    }

    @Test
    void aFacebookPrivateResponseAnswersTheCommentInMessenger() {
        stubSendApi("m_out_2");

        assertSent(
                deliver(
                        facebook(
                                ReplyMode.PRIVATE_RESPONSE,
                                new ReplyTarget("7001", null, "555_777", null))),
                "m_out_2");
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/1000001/messages"))
                        .withHeader("Authorization", equalTo(FACEBOOK_TOKEN))
                        .withRequestBody(
                                equalToJson(
                                        "{\"recipient\":{\"comment_id\":\"555_777\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"We"
                                            + " are on it\"}}")));
    }

    @Test
    void aTwitterPublicReplyIsAReplyTweetMentioningTheConsumer() {
        network.stubFor(
                post("/twitter/2/tweets")
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"data\":{\"id\":\"1900000000000000100\",\"text\":\"@bob"
                                                    + " We are on it\","
                                                    + "\"edit_history_tweet_ids\":[\"1900000000000000100\"]}}")));

        ReplyResult result =
                deliver(
                        twitter(
                                ReplyMode.PUBLIC,
                                new ReplyTarget("9001", "bob", "1900000000000000001", null)));

        assertSent(result, "1900000000000000100");
        network.verify(
                postRequestedFor(urlEqualTo("/twitter/2/tweets"))
                        .withHeader("Authorization", equalTo(TWITTER_TOKEN))
                        .withRequestBody(
                                equalToJson(
                                        "{\"text\":\"@bob We are on it\","
                                            + "\"reply\":{\"in_reply_to_tweet_id\":\"1900000000000000001\"}}")));
    }

    @Test
    void aTwitterPrivateReplyIsADirectMessage() {
        network.stubFor(
                post("/twitter/2/dm_conversations/with/9001/messages")
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"data\":{\"dm_conversation_id\":\"2000001-9001\","
                                                    + "\"dm_event_id\":\"1950000000000000100\"}}")));

        assertSent(
                deliver(twitter(ReplyMode.PRIVATE, new ReplyTarget("9001", "bob", null, null))),
                "1950000000000000100");
        network.verify(
                postRequestedFor(urlEqualTo("/twitter/2/dm_conversations/with/9001/messages"))
                        .withHeader("Authorization", equalTo(TWITTER_TOKEN))
                        .withRequestBody(equalToJson("{\"text\":\"We are on it\"}")));
    }

    @Test
    void theSameCommandDeliveredTwiceCallsTheNetworkOnce() {
        stubSendApi("m_out_3");
        ReplyRequested reply =
                facebook(ReplyMode.PRIVATE, new ReplyTarget("8001", null, null, null));

        publish(reply);
        publish(reply);
        // Same conversation key, same partition: once this one is done, the duplicate was seen.
        ReplyRequested marker =
                facebook(
                        ReplyMode.PRIVATE,
                        new ReplyTarget("8001", null, null, null),
                        reply.conversationId());
        publish(marker);

        results.awaitRecord(r -> r.replyId().equals(marker.replyId()));
        assertThat(results.poll())
                .filteredOn(r -> r.value().replyId().equals(reply.replyId()))
                .hasSize(1);
        network.verify(2, postRequestedFor(urlEqualTo("/facebook/1000001/messages")));
    }

    @Test
    void aNetworkRefusalEndsFailedWithItsReason() {
        network.stubFor(
                post("/facebook/1000001/messages")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"Error validating access"
                                                    + " token\","
                                                    + "\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"x\"}}")));

        ReplyResult result =
                deliver(facebook(ReplyMode.PRIVATE, new ReplyTarget("8001", null, null, null)));

        assertThat(result.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("190");
        assertThat(result.errorMessage()).isEqualTo("Error validating access token");
        assertThat(result.platformMessageId()).isNull();
    }

    private void stubSendApi(String messageId) {
        network.stubFor(
                post("/facebook/1000001/messages")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"recipient_id\":\"8001\",\"message_id\":\""
                                                        + messageId
                                                        + "\"}")));
    }

    private ReplyResult deliver(ReplyRequested reply) {
        publish(reply);
        return results.awaitRecord(r -> r.replyId().equals(reply.replyId())).value();
    }

    private static void publish(ReplyRequested reply) {
        TestEvents.publish(Topics.OUTBOUND_REQUESTED, reply.conversationId(), reply);
    }

    private static void assertSent(ReplyResult result, String platformId) {
        assertThat(result.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(result.platformMessageId()).isEqualTo(platformId);
        assertThat(result.attempts()).isEqualTo(1);
    }

    private static ReplyRequested facebook(ReplyMode mode, ReplyTarget target) {
        return facebook(mode, target, UUID.randomUUID().toString());
    }

    private static ReplyRequested facebook(
            ReplyMode mode, ReplyTarget target, String conversationId) {
        return new ReplyRequested(
                UUID.randomUUID().toString(),
                conversationId,
                "acme-facebook",
                "acme",
                Channel.FACEBOOK,
                mode,
                "We are on it",
                target,
                "acme-agent",
                Instant.now());
    }

    private static ReplyRequested twitter(ReplyMode mode, ReplyTarget target) {
        return new ReplyRequested(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "acme-twitter",
                "acme",
                Channel.TWITTER,
                mode,
                "We are on it",
                target,
                "acme-agent",
                Instant.now());
    }
}
