package org.socialsuite.conversation.reply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.AgentApi;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.Visibility;
import org.socialsuite.events.json.ConversationEventDeserializer;
import org.socialsuite.events.json.ReplyRequestedDeserializer;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/** Agent replies become commands with the exact target, or clear refusals; results come back. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class ReplyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private String brand;
    private String consumer;
    private TopicWatcher<ReplyRequested> commands;

    @BeforeEach
    void setUp() {
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        TestClock.set(T0.plus(Duration.ofHours(1)));
        commands = TopicWatcher.open(Topics.OUTBOUND_REQUESTED, new ReplyRequestedDeserializer());
    }

    @AfterEach
    void tearDown() {
        commands.close();
        TestClock.set(TestClock.START);
    }

    @Test
    void facebookRepliesNameTheirExactTarget() {
        String reply = "555_8" + brand;
        String parent = "555_7" + brand;
        InboundEvents.publish(
                InboundEvents.commentReply(
                        brand, consumer, reply, parent, "1000001_5" + brand, T0));
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_1" + brand, "dm", T0));
        String id = awaitConversation(2);

        send(id, "Sorry to hear that", "PUBLIC", null)
                .statusCode(202)
                .body("direction", equalTo("OUTBOUND"))
                .body("visibility", equalTo("PUBLIC"))
                .body("action", equalTo("COMMENTED"))
                .body("deliveryStatus", equalTo("PENDING"));
        // A reply to a reply goes under its parent comment: Facebook nests one level.
        assertCommand(
                ReplyMode.PUBLIC,
                "Sorry to hear that",
                new ReplyTarget(consumer, null, parent, null, T0));

        send(id, "Let's take this private", "PRIVATE", null).statusCode(202);
        assertCommand(
                ReplyMode.PRIVATE,
                "Let's take this private",
                new ReplyTarget(consumer, null, null, null, T0));

        send(id, "We sent you a message", "PRIVATE_RESPONSE", null)
                .statusCode(202)
                .body("visibility", equalTo("PRIVATE"));
        assertCommand(
                ReplyMode.PRIVATE_RESPONSE,
                "We sent you a message",
                new ReplyTarget(consumer, null, reply, null, T0));

        send(id, "Once more?", "PRIVATE_RESPONSE", null)
                .statusCode(409)
                .body("error", equalTo("mode_unavailable"))
                .body("message", containsString("already been answered privately"));

        TestClock.set(T0.plus(Duration.ofDays(2)));
        send(id, "Following up", "PRIVATE", null).statusCode(202);
        assertCommand(
                ReplyMode.PRIVATE,
                "Following up",
                new ReplyTarget(consumer, null, null, "HUMAN_AGENT", T0));

        TestClock.set(T0.plus(Duration.ofDays(8)));
        send(id, "Too late", "PRIVATE", null)
                .statusCode(409)
                .body("message", containsString("Messenger window closed"));
        send(id, "", "PUBLIC", null).statusCode(400).body("error", equalTo("invalid_text"));
        send(id, "x".repeat(8_001), "PUBLIC", null).statusCode(400);

        // Only the accepted replies became commands.
        assertThat(commandsUpToAMarker(id, "PUBLIC"))
                .extracting(ReplyRequested::text)
                .containsExactly(
                        "Sorry to hear that",
                        "Let's take this private",
                        "We sent you a message",
                        "Following up",
                        "Marker");
    }

    @Test
    void aCommentRemovedAfterItArrivedIsNotAnsweredButTheOneBeforeItIs() {
        String post = "1000001_9" + brand;
        SocialEventReceived older =
                InboundEvents.commentReply(brand, consumer, "555_1" + brand, post, post, T0);
        SocialEventReceived newer =
                InboundEvents.commentReply(
                        brand, consumer, "555_2" + brand, post, post, T0.plusSeconds(600));
        InboundEvents.publish(older);
        InboundEvents.publish(newer);
        String id = awaitConversation(2);

        removed(id, newer);
        send(id, "We sent you a message", "PRIVATE_RESPONSE", null).statusCode(202);
        assertCommand(
                ReplyMode.PRIVATE_RESPONSE,
                "We sent you a message",
                new ReplyTarget(consumer, null, older.platformId(), null, T0));
        agent().get("/api/conversations/" + id)
                .then()
                .body("defaultReplyMode", equalTo("PUBLIC"))
                .body(
                        "replyModes.find { it.mode == 'PRIVATE_RESPONSE' }.reason",
                        containsString("already been answered privately"));

        removed(id, older);
        send(id, "Anyone there?", "PUBLIC", null)
                .statusCode(409)
                .body("message", containsString("no public post or comment"));
    }

    @Test
    void twitterRepliesCountTheirMentionAndTargetTheTweetOrTheConsumer() {
        String tweet = "19000" + Math.abs(brand.hashCode());
        InboundEvents.publish(
                InboundEvents.tweet(
                        brand, consumer, MessageKind.POST, tweet, "@AcmeCare late", T0));
        String id = awaitConversation(1);

        send(id, "We are on it", null, null).statusCode(202).body("action", equalTo("REPLIED"));
        assertCommand(
                ReplyMode.PUBLIC,
                "We are on it",
                new ReplyTarget(consumer, "bob", tweet, null, T0));
        send(id, "Details?", "PRIVATE", null).statusCode(202);
        assertCommand(
                ReplyMode.PRIVATE, "Details?", new ReplyTarget(consumer, "bob", null, null, null));

        // "@bob " weighs 5, so 275 more fit and 276 do not; an emoji weighs 2.
        send(id, "a".repeat(275), "PUBLIC", null).statusCode(202);
        send(id, "a".repeat(274) + "😀", "PUBLIC", null)
                .statusCode(400)
                .body("message", containsString("weighs 281"));
        send(id, "x", "PRIVATE_RESPONSE", null).statusCode(409);
    }

    @Test
    void theSameIdempotencyKeySendsOnce() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_2" + brand, "hi", T0));
        String id = awaitConversation(1);

        String first =
                send(id, "Hello!", "PRIVATE", "click-1").statusCode(202).extract().path("id");
        String second =
                send(id, "Hello!", "PRIVATE", "click-1").statusCode(202).extract().path("id");

        assertThat(second).isEqualTo(first);
        assertThat(commandsUpToAMarker(id, "PRIVATE"))
                .extracting(ReplyRequested::replyId)
                .hasSize(2)
                .startsWith(first);
        agent().get("/api/conversations/" + id + "/messages").then().body("items", hasSize(3));
    }

    @Test
    void tenClicksAtOnceWithOneIdempotencyKeyMakeOneMessageAndOneCommand() throws Exception {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_3" + brand, "hi", T0));
        String id = awaitConversation(1);

        ExecutorService clicks = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(
                        clicks.submit(
                                () ->
                                        send(id, "On my way", "PRIVATE", "double-click")
                                                .statusCode(202)
                                                .extract()
                                                .<String>path("id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(ids).as("the message every click was shown").hasSize(1);
            assertThat(commandsUpToAMarker(id, "PRIVATE"))
                    .extracting(ReplyRequested::replyId)
                    .hasSize(2)
                    .startsWith(ids.iterator().next());
        } finally {
            clicks.shutdownNow();
        }
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .body("items.text", contains("hi", "On my way", "Marker"));
    }

    @Test
    void resultsTurnTheReplySentOrFailedAndOtherBrandsCannotReply() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_3" + brand, "hi", T0));
        String id = awaitConversation(1);
        String sent = send(id, "One", "PRIVATE", null).extract().path("id");
        String failed = send(id, "Two", "PRIVATE", null).extract().path("id");

        TestEvents.publish(
                Topics.OUTBOUND_RESULT,
                id,
                new ReplyResult(sent, id, DeliveryOutcome.SENT, "m_out_1", null, null, 1, T0));
        TestEvents.publish(
                Topics.OUTBOUND_RESULT,
                id,
                new ReplyResult(
                        failed,
                        id,
                        DeliveryOutcome.FAILED,
                        null,
                        "10",
                        "Outside the messaging window",
                        1,
                        T0));

        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body(
                                                "items.find { it.id == '"
                                                        + sent
                                                        + "' }.deliveryStatus",
                                                equalTo("SENT"))
                                        .body(
                                                "items.find { it.id == '" + sent + "' }.platformId",
                                                equalTo("m_out_1"))
                                        .body(
                                                "items.find { it.id == '"
                                                        + failed
                                                        + "' }.deliveryStatus",
                                                equalTo("FAILED"))
                                        .body(
                                                "items.find { it.id == '"
                                                        + failed
                                                        + "' }.failureReason",
                                                equalTo("Outside the messaging window")));

        // The network echoes our sent reply: it is matched by platform id, not stored again.
        InboundEvents.publish(InboundEvents.echo(brand, consumer, "m_out_1", "One"));
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand,
                        consumer,
                        MessageKind.PRIVATE_MESSAGE,
                        "m_4" + brand,
                        "thanks",
                        T0.plus(Duration.ofHours(2))));
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body(
                                                "items.text",
                                                contains("hi", "One", "Two", "thanks")));
        agent().get("/api/conversations").then().body("items", hasSize(1));

        given().header("Authorization", AgentTokens.bearer("another-brand"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "hijack", "mode", "PRIVATE"))
                .post("/api/conversations/" + id + "/replies")
                .then()
                .statusCode(404);
    }

    /**
     * The conversation's commands up to and including a marker reply sent now. Commands go out in
     * order on the conversation's key, so once the marker's has arrived, every command published
     * before it has too: a late one can neither hide nor be missed.
     */
    private List<ReplyRequested> commandsUpToAMarker(String id, String mode) {
        String marker = send(id, "Marker", mode, null).statusCode(202).extract().path("id");
        commands.awaitRecord(command -> command.replyId().equals(marker));
        return commands.poll().stream()
                .map(ConsumerRecord::value)
                .filter(command -> command.conversationId().equals(id))
                .toList();
    }

    /** The network reports the consumer removed the comment; we wait until the mirror shows it. */
    private void removed(String id, SocialEventReceived comment) {
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        comment,
                        LifecycleAction.DELETED,
                        null,
                        comment.occurredAt().plusSeconds(1)));
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body(
                                                "items.find { it.platformId == '"
                                                        + comment.platformId()
                                                        + "' }.deleted",
                                                equalTo(true)));
    }

    @Test
    void aReplyIsAnnouncedWithItsAgentAndMode() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.COMMENT, "555_9" + brand, "Help?", T0));
        String id = awaitConversation(1);
        try (TopicWatcher<ConversationEvent> announced =
                TopicWatcher.open(Topics.CONVERSATION, new ConversationEventDeserializer())) {
            send(id, "We wrote to you", "PRIVATE_RESPONSE", null).statusCode(202);

            MessageRecorded reply =
                    (MessageRecorded)
                            announced
                                    .awaitRecord(
                                            event ->
                                                    event instanceof MessageRecorded m
                                                            && m.conversationId().equals(id)
                                                            && m.direction()
                                                                    == MessageDirection.OUTBOUND)
                                    .value();
            assertThat(reply.agentId()).isEqualTo(brand + "-agent");
            assertThat(reply.replyMode()).isEqualTo(ReplyMode.PRIVATE_RESPONSE);
            assertThat(reply.visibility()).isEqualTo(Visibility.PRIVATE);
            assertThat(reply.sentOutside()).isFalse();
        }
    }

    private void assertCommand(ReplyMode mode, String text, ReplyTarget target) {
        ReplyRequested command =
                commands.awaitRecord(c -> c.text().equals(text) && c.mode() == mode).value();
        assertThat(command.target()).isEqualTo(target);
        assertThat(command.brandId()).isEqualTo(brand);
        assertThat(command.agentId()).isEqualTo(brand + "-agent");
        assertThat(command.replyId()).hasSize(36);
    }

    private ValidatableResponse send(String id, String text, String mode, String idempotencyKey) {
        return new AgentApi(brand).reply(id, text, mode, idempotencyKey);
    }

    private String awaitConversation(int messages) {
        return new AgentApi(brand).awaitConversation(messages);
    }

    private RequestSpecification agent() {
        return new AgentApi(brand).request();
    }
}
