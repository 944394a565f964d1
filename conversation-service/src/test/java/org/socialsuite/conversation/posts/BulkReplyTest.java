package org.socialsuite.conversation.posts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ReplyRequestedDeserializer;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * A post that drew fifty comments, answered with one text: fifty replies of their own, one command
 * each to a different comment, fifty final statuses, and never a comment answered twice the same
 * way; the Posts view counts what is answered and how.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class BulkReplyTest {

    private static final int COMMENTS = 50;
    private static final Instant AT = TestClock.START.minus(Duration.ofMinutes(30));

    private String brand;
    private String post;
    private TopicWatcher<ReplyRequested> commands;

    @BeforeEach
    void setUp() {
        brand = "viral-" + UUID.randomUUID().toString().substring(0, 8);
        post = "1000001_" + Math.abs(brand.hashCode());
        commands = TopicWatcher.open(Topics.OUTBOUND_REQUESTED, new ReplyRequestedDeserializer());
        InboundEvents.publish(InboundEvents.brandPost(brand, post, "Flash sale: 50% off today"));
        for (int i = 0; i < COMMENTS; i++) {
            InboundEvents.publish(
                    InboundEvents.commentReply(
                            brand,
                            "psid-" + i,
                            "c_" + brand + "_" + i,
                            post,
                            post,
                            AT.plusSeconds(i)));
        }
    }

    @AfterEach
    void tearDown() {
        commands.close();
    }

    @Test
    void fiftyCommentsGetAReplyEachOnceAndTheCountsFollow() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent().get("/api/brand-posts")
                                        .then()
                                        .body("postId", contains(post))
                                        .body("[0].text", equalTo("Flash sale: 50% off today"))
                                        .body("[0].comments", equalTo(COMMENTS))
                                        .body("[0].unanswered", equalTo(COMMENTS)));

        Response bulk =
                bulkReply(
                        Map.of(
                                "text",
                                "Thanks! Check your inbox",
                                "mode",
                                "PUBLIC",
                                "unanswered",
                                true));
        bulk.then().statusCode(202).body("sent", hasSize(COMMENTS)).body("refused", hasSize(0));

        // One command per comment, each answering its own comment.
        await().atMost(Duration.ofSeconds(30)).until(() -> brandCommands().size() >= COMMENTS);
        List<ReplyRequested> sent = brandCommands();
        assertThat(sent).hasSize(COMMENTS);
        assertThat(sent).extracting(ReplyRequested::replyId).doesNotHaveDuplicates();
        assertThat(sent)
                .extracting(command -> command.target().platformId())
                .doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("c_" + brand + "_"));
        assertThat(sent)
                .allMatch(c -> c.action() == OutboundAction.REPLY && c.mode() == ReplyMode.PUBLIC);
        assertThat(sent).extracting(ReplyRequested::conversationId).doesNotHaveDuplicates();

        sent.forEach(
                command ->
                        TestEvents.publish(
                                Topics.OUTBOUND_RESULT,
                                command.conversationId(),
                                new ReplyResult(
                                        command.replyId(),
                                        command.conversationId(),
                                        DeliveryOutcome.SENT,
                                        "r_" + command.target().platformId(),
                                        null,
                                        null,
                                        1,
                                        TestClock.START)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent().get("/api/brand-posts/" + post + "/comments")
                                        .then()
                                        .body("items", hasSize(COMMENTS))
                                        .body(
                                                "items.answer",
                                                everyItem(equalTo("ANSWERED_PUBLICLY")))
                                        .body(
                                                "items.reply.deliveryStatus",
                                                everyItem(equalTo("SENT")))
                                        .body("post.unanswered", equalTo(0))
                                        .body("post.answeredPublicly", equalTo(COMMENTS)));

        // Nothing is left unanswered, and an answered comment is not answered again.
        bulkReply(Map.of("text", "Again", "mode", "PUBLIC", "unanswered", true))
                .then()
                .statusCode(202)
                .body("sent", hasSize(0));
        List<String> ids =
                agent().get("/api/brand-posts/" + post + "/comments")
                        .then()
                        .extract()
                        .path("items.messageId");
        bulkReply(Map.of("text", "Again", "mode", "PUBLIC", "commentIds", List.of(ids.get(0))))
                .then()
                .statusCode(202)
                .body("sent", hasSize(0))
                .body("refused[0].reason", equalTo("Already answered publicly"));

        // Two of them are moved to private with a Private Response each; a stranger is refused.
        String elsewhere = UUID.randomUUID().toString();
        bulkReply(
                        Map.of(
                                "text",
                                "We have sent you a message",
                                "mode",
                                "PRIVATE_RESPONSE",
                                "commentIds",
                                List.of(ids.get(1), ids.get(2), elsewhere)))
                .then()
                .statusCode(202)
                .body("sent", hasSize(2))
                .body("refused.commentId", contains(elsewhere))
                .body("refused[0].reason", equalTo("Not a comment under this post"));
        agent().get("/api/brand-posts")
                .then()
                .body("[0].movedToPrivate", equalTo(2))
                .body("[0].answeredPublicly", equalTo(COMMENTS - 2));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(brandCommands()).hasSize(COMMENTS + 2));
    }

    @Test
    void aBulkReplyNamesItsCommentsOrAsksForTheUnansweredAndOtherBrandsSeeNothing() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent().get("/api/brand-posts/" + post + "/comments")
                                        .then()
                                        .body("items", hasSize(COMMENTS)));
        bulkReply(Map.of("text", "Hi", "mode", "PUBLIC")).then().statusCode(400);
        bulkReply(Map.of("text", "Hi", "mode", "PRIVATE", "unanswered", true))
                .then()
                .statusCode(400);
        bulkReply(Map.of("text", " ", "mode", "PUBLIC", "unanswered", true)).then().statusCode(400);
        given().header("Authorization", AgentTokens.bearer("x" + brand))
                .get("/api/brand-posts/" + post + "/comments")
                .then()
                .statusCode(404);
        given().header("Authorization", AgentTokens.bearer("x" + brand))
                .get("/api/brand-posts")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    private List<ReplyRequested> brandCommands() {
        return commands.poll().stream()
                .map(record -> record.value())
                .filter(command -> command != null && brand.equals(command.brandId()))
                .toList();
    }

    private Response bulkReply(Map<String, Object> body) {
        return agent().contentType(ContentType.JSON)
                .body(body)
                .post("/api/brand-posts/" + post + "/replies");
    }

    private RequestSpecification agent() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }
}
