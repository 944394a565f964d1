package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socialsuite.outbound.delivery.Replies.answering;
import static org.socialsuite.testsupport.NetworkStubs.dmSent;
import static org.socialsuite.testsupport.NetworkStubs.json;
import static org.socialsuite.testsupport.NetworkStubs.messageSent;
import static org.socialsuite.testsupport.NetworkStubs.tweeted;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.WireMockNetworks;

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
    private static final Duration RECENTLY = Duration.ofMinutes(5);

    private final WireMockServer network = WireMockNetworks.server();
    private DeliveryProbe probe;

    @BeforeEach
    void setUp() {
        network.resetAll();
        probe = new DeliveryProbe();
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void aFacebookPublicReplyIsACommentUnderTheConsumersComment() {
        network.stubFor(
                post("/facebook/555_777/comments").willReturn(json(200, "{\"id\":\"555_900\"}")));

        ReplyResult result =
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PUBLIC, answering("8001", null, "555_777", RECENTLY)));

        assertSent(result, "555_900");
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/555_777/comments"))
                        .withHeader("Authorization", equalTo(FACEBOOK_TOKEN))
                        .withRequestBody(equalToJson("{\"message\":\"We are on it\"}")));
    }

    @Test
    void aFacebookPrivateReplyUsesTheSendApiWithTheTagTheWindowNeedsNow() {
        network.stubFor(
                post("/facebook/1000001/messages").willReturn(messageSent("8001", "m_out_1")));

        assertSent(
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PRIVATE, answering("8001", null, null, RECENTLY))),
                "m_out_1");
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/1000001/messages"))
                        .withHeader("Authorization", equalTo(FACEBOOK_TOKEN))
                        .withRequestBody(
                                equalToJson(
                                        "{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"We"
                                            + " are on it\"}}")));

        // Two days after the consumer's last message: HUMAN_AGENT, decided at sending time.
        network.resetRequests();
        probe.deliver(
                Replies.facebook(
                        ReplyMode.PRIVATE, answering("8001", null, null, Duration.ofDays(2))));
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/1000001/messages"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\",\"message\":{\"text\":\"We"
                                            + " are on it\"}}")));
    }

    @Test
    void aFacebookPrivateResponseAnswersTheCommentInMessenger() {
        network.stubFor(
                post("/facebook/1000001/messages").willReturn(messageSent("7001", "m_out_2")));

        assertSent(
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PRIVATE_RESPONSE,
                                answering("7001", null, "555_777", RECENTLY))),
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
                        .willReturn(tweeted("1900000000000000100", "@bob We are on it")));

        ReplyResult result =
                probe.deliver(
                        Replies.twitter(
                                ReplyMode.PUBLIC,
                                answering("9001", "bob", "1900000000000000001", RECENTLY)));

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
                        .willReturn(dmSent("2000001-9001", "1950000000000000100")));

        assertSent(
                probe.deliver(
                        Replies.twitter(
                                ReplyMode.PRIVATE, answering("9001", "bob", null, RECENTLY))),
                "1950000000000000100");
        network.verify(
                postRequestedFor(urlEqualTo("/twitter/2/dm_conversations/with/9001/messages"))
                        .withHeader("Authorization", equalTo(TWITTER_TOKEN))
                        .withRequestBody(equalToJson("{\"text\":\"We are on it\"}")));
    }

    @Test
    void theSameCommandDeliveredTwiceCallsTheNetworkOnce() {
        network.stubFor(
                post("/facebook/1000001/messages").willReturn(messageSent("8001", "m_out_3")));
        ReplyRequested reply =
                Replies.facebook(ReplyMode.PRIVATE, answering("8001", null, null, RECENTLY));

        DeliveryProbe.publish(reply);
        DeliveryProbe.publish(reply);
        // Same conversation key, same partition: once this one is done, the duplicate was seen.
        ReplyRequested marker = Replies.another(reply);
        probe.deliver(marker);

        assertThat(probe.results().poll())
                .filteredOn(r -> r.value().replyId().equals(reply.replyId()))
                .hasSize(1);
        network.verify(2, postRequestedFor(urlEqualTo("/facebook/1000001/messages")));
    }

    private static void assertSent(ReplyResult result, String platformId) {
        assertThat(result.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(result.platformMessageId()).isEqualTo(platformId);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.errorCode()).isNull();
    }
}
