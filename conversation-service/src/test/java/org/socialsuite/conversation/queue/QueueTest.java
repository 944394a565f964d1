package org.socialsuite.conversation.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.conversation.LiveStream;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;

/**
 * Queues and response-time targets: taking the next conversation, the take race, transfers, a
 * supervisor's say, reopening to the queue, due times against the test clock, and the changes heard
 * live by the other agents.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class QueueTest {

    private static final Instant START = TestClock.START;

    @TestHTTPResource("/api/conversations/stream")
    URI streamUri;

    /** Each test its own brand, so the queue holds only what the test made. */
    private String brand;

    private String ann;
    private String ben;

    @BeforeEach
    void newBrand() {
        brand = "queue-" + UUID.randomUUID().toString().substring(0, 8);
        ann = brand + "-ann";
        ben = brand + "-ben";
        // Agents are assignable once they have used the workspace.
        as(ann).get("/api/agents").then().statusCode(200);
        as(ben).get("/api/agents").then().statusCode(200);
    }

    @AfterEach
    void resetClock() {
        TestClock.set(START);
    }

    @Test
    void takeNextHandsOutTheWaitingConversationsSoonestDueFirst() {
        // Default targets: public 1 h, private 4 h.
        publish(messenger("psid-late", START.minus(Duration.ofMinutes(10)))); // due 15:50
        publish(comment("psid-soon", START.minus(Duration.ofMinutes(20)))); // due 12:40
        publish(comment("psid-next", START.minus(Duration.ofMinutes(5)))); // due 12:55
        awaitConversations(3);

        as(ann).get("/api/conversations?sort=DUE")
                .then()
                .body("items.consumer.id", contains("psid-soon", "psid-next", "psid-late"))
                .body("items[0].responseDue.dueAt", equalTo("2026-01-01T12:40:00Z"))
                .body("items[0].responseDue.first", equalTo(true))
                .body("items[0].responseDue.overdue", equalTo(false));

        takeNext(ann).then().statusCode(200).body("consumer.id", equalTo("psid-soon"));
        takeNext(ben)
                .then()
                .statusCode(200)
                .body("consumer.id", equalTo("psid-next"))
                .body("assigneeId", equalTo(ben));
        takeNext(ann).then().statusCode(200).body("consumer.id", equalTo("psid-late"));
        takeNext(ben).then().statusCode(204);

        as(ann).get("/api/conversations?view=MINE")
                .then()
                .body("items.consumer.id", containsInAnyOrder("psid-late", "psid-soon"));
        as(ben).get("/api/conversations?view=MINE")
                .then()
                .body("items.consumer.id", contains("psid-next"));
        as(ann).get("/api/conversations?view=UNASSIGNED").then().body("items", hasSize(0));
        as(ann).get("/api/agents")
                .then()
                .body("find { it.id == '" + ann + "' }.openAssigned", equalTo(2))
                .body("find { it.id == '" + ben + "' }.openAssigned", equalTo(1));
    }

    @Test
    void ofTwoAgentsTakingTheSameConversationAtOnceOneGetsItAndTheOtherIsToldWho()
            throws Exception {
        publish(comment("psid-race", START.minus(Duration.ofMinutes(1))));
        String id = awaitConversations(1).get(0);

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Response> byAnn = CompletableFuture.supplyAsync(() -> take(go, ann, id));
        CompletableFuture<Response> byBen = CompletableFuture.supplyAsync(() -> take(go, ben, id));
        go.countDown();
        List<Response> answers = List.of(byAnn.get(), byBen.get());

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response won =
                answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        Response lost =
                answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        String winner = won.path("assigneeId");
        assertThat(lost.<String>path("assigneeId")).isEqualTo(winner);
        assertThat(lost.<String>path("message")).isEqualTo(winner + " has this conversation");
        assertThat(lost.<String>path("error")).isEqualTo("assigned_elsewhere");
        as(ann).get("/api/conversations/" + id).then().body("assigneeId", equalTo(winner));
    }

    @Test
    void anOwnerTransfersAndOnlyTheOwnerOrASupervisorPutsItBack() {
        publish(comment("psid-transfer", START.minus(Duration.ofMinutes(1))));
        String id = awaitConversations(1).get(0);

        assign(ann, id, ann).then().statusCode(200).body("assigneeId", equalTo(ann));
        assign(ann, id, ben).then().statusCode(200).body("assigneeId", equalTo(ben));

        // Ann no longer owns it: she can neither take it back nor unassign it.
        assign(ann, id, ann).then().statusCode(409).body("assigneeId", equalTo(ben));
        as(ann).delete("/api/conversations/" + id + "/assignee")
                .then()
                .statusCode(409)
                .body("message", equalTo(ben + " has this conversation"));
        // Nobody the brand knows.
        assign(ben, id, "nobody-" + brand)
                .then()
                .statusCode(400)
                .body("message", containsString("No agent nobody-" + brand));

        // A supervisor may.
        given().header("Authorization", AgentTokens.adminBearer(brand))
                .delete("/api/conversations/" + id + "/assignee")
                .then()
                .statusCode(200)
                .body("assigneeId", nullValue());
        as(ann).get("/api/conversations?view=UNASSIGNED").then().body("items.id", contains(id));

        // Another brand's agent cannot touch it; a closed conversation is nobody's to take.
        given().header("Authorization", AgentTokens.bearer("x" + brand, ann))
                .contentType(ContentType.JSON)
                .body(Map.of("agentId", ann))
                .put("/api/conversations/" + id + "/assignee")
                .then()
                .statusCode(404);
        as(ann).post("/api/conversations/" + id + "/close").then().statusCode(200);
        assign(ann, id, ann).then().statusCode(409).body("error", equalTo("closed"));
    }

    @Test
    void theConsumerWritingIntoAClosedConversationReopensItToTheQueueDueByTheNextTarget() {
        publish(messenger("psid-again", START.minus(Duration.ofMinutes(30))));
        String id = awaitConversations(1).get(0);
        assign(ann, id, ann).then().statusCode(200);
        reply(ann, id, "We are on it").then().statusCode(202);
        as(ann).get("/api/conversations/" + id).then().body("responseDue", nullValue());
        as(ann).post("/api/conversations/" + id + "/close").then().statusCode(200);

        publish(messenger("psid-again", START.plus(Duration.ofMinutes(1))));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as(ben).get("/api/conversations/" + id)
                                        .then()
                                        .body("status", equalTo("OPEN"))
                                        .body("assigneeId", nullValue())
                                        // Answered once already: the next target (private: 4 h).
                                        .body("responseDue.first", equalTo(false))
                                        .body(
                                                "responseDue.dueAt",
                                                equalTo("2026-01-01T16:01:00Z")));
        as(ben).get("/api/conversations?view=UNASSIGNED").then().body("items.id", contains(id));
    }

    @Test
    void dueTimesFollowTheBrandsTargetsAndOverdueAnswersAreMarkedAndCounted() {
        // The test profile's brand "prompt": public 10 min then 5, Twitter/X public 2 min.
        brand = "prompt";
        String commenter = "psid-" + UUID.randomUUID().toString().substring(0, 8);
        String tweeter = "tw-" + UUID.randomUUID().toString().substring(0, 8);
        publish(
                InboundEvents.consumerMessage(
                        brand,
                        commenter,
                        MessageKind.COMMENT,
                        "c_" + commenter,
                        "Is this in stock?",
                        START.minus(Duration.ofMinutes(1))));
        publish(tweet(tweeter, "t_" + tweeter, START.minus(Duration.ofMinutes(1))));
        awaitConversations(2);

        TestClock.set(START.plus(Duration.ofMinutes(5)));
        as(ann).get("/api/conversations?sort=DUE")
                .then()
                .body("items.consumer.id", contains(tweeter, commenter))
                .body("items[0].responseDue.dueAt", equalTo("2026-01-01T12:01:00Z"))
                .body("items[0].responseDue.overdue", equalTo(true))
                .body("items[1].responseDue.dueAt", equalTo("2026-01-01T12:09:00Z"))
                .body("items[1].responseDue.overdue", equalTo(false));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                given().get("/q/metrics")
                                        .then()
                                        .body(
                                                containsString(
                                                        "conversation_overdue{brand=\"prompt\"}"
                                                                + " 1.0"))
                                        .body(
                                                containsString(
                                                        "conversation_waiting{brand=\"prompt\"}"
                                                                + " 2.0")));

        String tweetConversation =
                as(ann).get("/api/conversations?sort=DUE").then().extract().path("items[0].id");
        reply(ann, tweetConversation, "Sorry for the wait!").then().statusCode(202);
        as(ann).get("/api/conversations/" + tweetConversation)
                .then()
                .body("responseDue", nullValue());
        given().get("/q/metrics")
                .then()
                .body(
                        containsString(
                                "conversation_responses_total{brand=\"prompt\",channel=\"TWITTER\","
                                        + "response=\"first\",target=\"missed\"} 1.0"));

        // The consumer answers back: the next answer is due by the next target.
        publish(tweet(tweeter, "t2_" + tweeter, START.plus(Duration.ofMinutes(6))));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as(ann).get("/api/conversations/" + tweetConversation)
                                        .then()
                                        .body("responseDue.first", equalTo(false))
                                        .body(
                                                "responseDue.dueAt",
                                                equalTo("2026-01-01T12:08:00Z")));
    }

    @Test
    void otherAgentsHearWhoTakesTransfersAndPutsBackAConversation() {
        try (LiveStream bensStream = new LiveStream(streamUri, AgentTokens.bearer(brand, ben))) {
            bensStream.awaitListening(
                    text ->
                            InboundEvents.consumerMessage(
                                    brand,
                                    "psid-live",
                                    MessageKind.PRIVATE_MESSAGE,
                                    "m_" + UUID.randomUUID(),
                                    text,
                                    START.minus(Duration.ofMinutes(1))));
            String id = awaitConversations(1).get(0);

            takeNext(ann).then().statusCode(200).body("id", equalTo(id));
            assign(ann, id, ben).then().statusCode(200);
            as(ben).delete("/api/conversations/" + id + "/assignee").then().statusCode(200);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () ->
                                    assertThat(bensStream.lines())
                                            .anySatisfy(
                                                    line ->
                                                            assertThat(line)
                                                                    .contains(
                                                                            "\"type\":\"ConversationAssigned\"",
                                                                            "\"assigneeId\":\""
                                                                                    + ann
                                                                                    + "\"",
                                                                            "\"previousAssigneeId\":null"))
                                            .anySatisfy(
                                                    line ->
                                                            assertThat(line)
                                                                    .contains(
                                                                            "\"type\":\"ConversationAssigned\"",
                                                                            "\"assigneeId\":\""
                                                                                    + ben
                                                                                    + "\"",
                                                                            "\"previousAssigneeId\":\""
                                                                                    + ann
                                                                                    + "\""))
                                            .anySatisfy(
                                                    line ->
                                                            assertThat(line)
                                                                    .contains(
                                                                            "\"type\":\"ConversationUnassigned\"",
                                                                            "\"previousAssigneeId\":\""
                                                                                    + ben
                                                                                    + "\"",
                                                                            "\"unassignedBy\":\""
                                                                                    + ben
                                                                                    + "\"")));
        }
    }

    private RequestSpecification as(String agent) {
        return given().header("Authorization", AgentTokens.bearer(agentBrand(agent), agent));
    }

    /** The brand the agent works for: their id starts with it, except for "prompt"'s. */
    private String agentBrand(String agent) {
        return brand.equals("prompt") ? "prompt" : agent.substring(0, agent.lastIndexOf('-'));
    }

    private Response takeNext(String agent) {
        return as(agent).post("/api/conversations/next");
    }

    private Response take(CountDownLatch go, String agent, String id) {
        RequestSpecification request =
                as(agent).contentType(ContentType.JSON).body(Map.of("agentId", agent));
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.put("/api/conversations/" + id + "/assignee");
    }

    private Response assign(String agent, String id, String assignee) {
        return as(agent)
                .contentType(ContentType.JSON)
                .body(Map.of("agentId", assignee))
                .put("/api/conversations/" + id + "/assignee");
    }

    private Response reply(String agent, String id, String text) {
        return as(agent)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("text", text))
                .post("/api/conversations/" + id + "/replies");
    }

    /** The brand's conversation ids once it has this many. */
    private List<String> awaitConversations(int count) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                as(ann).get("/api/conversations")
                                        .then()
                                        .body("items", hasSize(count)));
        return as(ann).get("/api/conversations").then().extract().path("items.id");
    }

    private SocialEventReceived messenger(String psid, Instant at) {
        return InboundEvents.consumerMessage(
                brand, psid, MessageKind.PRIVATE_MESSAGE, "m_" + UUID.randomUUID(), "Hello?", at);
    }

    private SocialEventReceived comment(String psid, Instant at) {
        return InboundEvents.consumerMessage(
                brand, psid, MessageKind.COMMENT, "c_" + UUID.randomUUID(), "Any news?", at);
    }

    private SocialEventReceived tweet(String user, String id, Instant at) {
        return InboundEvents.tweet(
                brand, user, MessageKind.THREAD_REPLY, id, "@AcmeCare hello?", at);
    }

    private static void publish(SocialEventReceived event) {
        InboundEvents.publish(event);
    }
}
