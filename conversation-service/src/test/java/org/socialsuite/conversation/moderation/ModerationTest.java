package org.socialsuite.conversation.moderation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.conversation.LiveStream;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ReplyRequestedDeserializer;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * An agent moderates a consumer's public item: the command goes out like a reply, its result makes
 * it so in the transcript, the network's own webhook for it then changes nothing, and what the
 * network would refuse is refused here without a command.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class ModerationTest {

    private static final Instant AT = TestClock.START.minus(Duration.ofMinutes(5));

    @TestHTTPResource("/api/conversations/stream")
    URI streamUri;

    private String brand;
    private TopicWatcher<ReplyRequested> commands;

    @BeforeEach
    void setUp() {
        brand = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        commands = TopicWatcher.open(Topics.OUTBOUND_REQUESTED, new ReplyRequestedDeserializer());
    }

    @AfterEach
    void tearDown() {
        commands.close();
    }

    @Test
    void aHiddenCommentIsHiddenOnceTheNetworkSaysSoAndItsWebhookChangesNothingMore() {
        try (LiveStream stream = new LiveStream(streamUri, AgentTokens.bearer(brand))) {
            SocialEventReceived comment =
                    comment("psid-rude", "c_rude_" + brand, "You are all useless");
            stream.awaitListening(text -> comment("psid-marker", "c_" + UUID.randomUUID(), text));
            InboundEvents.publish(comment);
            String conversation = awaitConversation("psid-rude");
            String message = awaitMessage(conversation);

            Response asked = moderate(conversation, message, "HIDE", "key-1");
            asked.then()
                    .statusCode(202)
                    .body("action", equalTo("HIDE"))
                    .body("status", equalTo("PENDING"))
                    .body("agentId", equalTo(brand + "-agent"));
            String moderation = asked.path("id");
            // A double click sends nothing more.
            moderate(conversation, message, "HIDE", "key-1")
                    .then()
                    .statusCode(202)
                    .body("id", equalTo(moderation));
            moderate(conversation, message, "HIDE", "key-2")
                    .then()
                    .statusCode(409)
                    .body("message", equalTo(brand + "-agent is already doing it"));

            ReplyRequested command =
                    commands.awaitRecord(c -> c.replyId().equals(moderation)).value();
            assertThat(command.action()).isEqualTo(OutboundAction.HIDE);
            assertThat(command.target().platformId()).isEqualTo(comment.platformId());
            assertThat(command.accountId()).isEqualTo(brand + "-facebook");
            assertThat(command.conversationId()).isEqualTo(conversation);
            message(conversation, message)
                    .body("hidden", equalTo(false))
                    .body("moderation.status", equalTo("PENDING"));

            result(command, DeliveryOutcome.SENT, null);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    message(conversation, message)
                                            .body("hidden", equalTo(true))
                                            .body("moderation.action", equalTo("HIDE"))
                                            .body("moderation.status", equalTo("SENT")));

            // Facebook confirms with its own webhook (verb hide): already so, nothing announced.
            InboundEvents.publish(
                    InboundEvents.lifecycle(
                            comment, LifecycleAction.HIDDEN, null, AT.plusSeconds(60)));
            stream.awaitListening(text -> comment("psid-marker", "c_" + UUID.randomUUID(), text));
            List<String> aboutIt =
                    stream.lines().stream().filter(line -> line.contains(message)).toList();
            assertThat(aboutIt).noneMatch(line -> line.contains("\"type\":\"MessageChanged\""));
            assertThat(aboutIt)
                    .filteredOn(line -> line.contains("\"type\":\"ModerationChanged\""))
                    .extracting(line -> line.replaceAll(".*\"status\":\"(\\w+)\".*", "$1"))
                    .containsExactly("PENDING", "SENT");
            agent().get("/api/conversations/" + conversation + "/messages")
                    .then()
                    .body("items.size()", equalTo(1));

            // Hidden already; shown again on request.
            moderate(conversation, message, "HIDE", null)
                    .then()
                    .statusCode(409)
                    .body("message", equalTo("The comment is already hidden"));
            moderate(conversation, message, "UNHIDE", null).then().statusCode(202);
        }
    }

    @Test
    void aRefusedModerationLeavesTheItemAsItWasWithTheNetworksReason() {
        InboundEvents.publish(comment("psid-del", "c_del_" + brand, "spam spam spam"));
        String conversation = awaitConversation("psid-del");
        String message = awaitMessage(conversation);

        String moderation = moderate(conversation, message, "DELETE", null).path("id");
        ReplyRequested command = commands.awaitRecord(c -> c.replyId().equals(moderation)).value();
        result(command, DeliveryOutcome.FAILED, "The page may not delete this comment");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                message(conversation, message)
                                        .body("deleted", equalTo(false))
                                        .body("moderation.status", equalTo("FAILED"))
                                        .body(
                                                "moderation.failureReason",
                                                equalTo("The page may not delete this comment")));
        // Failed, it may be tried again.
        moderate(conversation, message, "DELETE", null).then().statusCode(202);
    }

    @Test
    void whatTheNetworksDoNotAllowIsRefusedWithoutACommand() {
        String psid = "psid-dm";
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, psid, MessageKind.PRIVATE_MESSAGE, "m_" + brand, "Hi there", AT));
        String dmConversation = awaitConversation(psid);
        String dm = awaitMessage(dmConversation);
        moderate(dmConversation, dm, "HIDE", null)
                .then()
                .statusCode(409)
                .body("error", equalTo("moderation_refused"))
                .body(
                        "message",
                        equalTo("Private messages cannot be moderated, only public items"));

        String tweeter = "tw-" + brand;
        InboundEvents.publish(
                InboundEvents.tweet(
                        brand,
                        tweeter,
                        MessageKind.THREAD_REPLY,
                        "t_" + brand,
                        "@AcmeCare meh",
                        AT));
        String tweetConversation = awaitConversation(tweeter);
        String tweet = awaitMessage(tweetConversation);
        moderate(tweetConversation, tweet, "DELETE", null)
                .then()
                .statusCode(409)
                .body(
                        "message",
                        equalTo("Twitter/X does not let a brand delete a consumer's tweet"));
        moderate(tweetConversation, tweet, "HIDE", null)
                .then()
                .statusCode(409)
                .body("message", equalTo("Only Facebook comments can be hidden"));
        moderate(tweetConversation, tweet, "SHOUT", null).then().statusCode(400);

        String like = moderate(tweetConversation, tweet, "LIKE", null).path("id");
        ReplyRequested command = commands.awaitRecord(c -> c.replyId().equals(like)).value();
        assertThat(command.action()).isEqualTo(OutboundAction.LIKE);
        assertThat(command.mode()).isEqualTo(ReplyMode.PUBLIC);
        result(command, DeliveryOutcome.SENT, null);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> message(tweetConversation, tweet).body("liked", equalTo(true)));
        moderate(tweetConversation, tweet, "LIKE", null)
                .then()
                .statusCode(409)
                .body("message", equalTo("The brand already likes it"));

        // Another brand's agent finds nothing to moderate.
        given().header("Authorization", AgentTokens.bearer("x" + brand))
                .contentType(ContentType.JSON)
                .body(Map.of("action", "LIKE"))
                .post(
                        "/api/conversations/"
                                + tweetConversation
                                + "/messages/"
                                + tweet
                                + "/moderation")
                .then()
                .statusCode(404);
        message(dmConversation, dm).body("moderation", nullValue());
    }

    private SocialEventReceived comment(String psid, String commentId, String text) {
        return InboundEvents.consumerMessage(brand, psid, MessageKind.COMMENT, commentId, text, AT);
    }

    private static void result(ReplyRequested command, DeliveryOutcome outcome, String reason) {
        TestEvents.publish(
                Topics.OUTBOUND_RESULT,
                command.conversationId(),
                new ReplyResult(
                        command.replyId(),
                        command.conversationId(),
                        outcome,
                        outcome == DeliveryOutcome.SENT ? command.target().platformId() : null,
                        outcome == DeliveryOutcome.FAILED ? "100" : null,
                        reason,
                        1,
                        TestClock.START));
    }

    private Response moderate(String conversation, String message, String action, String key) {
        RequestSpecification request =
                agent().contentType(ContentType.JSON).body(Map.of("action", action));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(
                "/api/conversations/" + conversation + "/messages/" + message + "/moderation");
    }

    private String awaitConversation(String consumer) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                agent().get("/api/conversations")
                                        .then()
                                        .extract()
                                        .<List<String>>path("items.consumer.id")
                                        .contains(consumer));
        return agent().get("/api/conversations")
                .then()
                .extract()
                .path("items.find { it.consumer.id == '" + consumer + "' }.id");
    }

    private String awaitMessage(String conversation) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                !agent().get("/api/conversations/" + conversation + "/messages")
                                        .then()
                                        .extract()
                                        .<List<Object>>path("items")
                                        .isEmpty());
        return agent().get("/api/conversations/" + conversation + "/messages")
                .then()
                .extract()
                .path("items[0].id");
    }

    private ValidatableResponse message(String conversation, String message) {
        return agent().get("/api/conversations/" + conversation + "/messages/" + message).then();
    }

    private RequestSpecification agent() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }
}
