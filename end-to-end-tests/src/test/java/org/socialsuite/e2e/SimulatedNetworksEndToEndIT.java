package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;

/**
 * The whole loop on the packaged services and the social-network simulator: a consumer acts in the
 * simulator's console, the agent answers through the REST API, and the answer lands on the
 * simulated network, where the network's own rules may still refuse it.
 */
class SimulatedNetworksEndToEndIT {

    private static ServiceProcess simulator;
    private static ServiceProcess conversations;

    @BeforeAll
    static void startServices() {
        SimulatedSuite suite = SimulatedSuite.get();
        simulator = suite.simulator;
        conversations = suite.conversations;
    }

    @Test
    void facebookCommentPublicAnswerMessengerPrivateResponseAndTheWindowsRefusal() {
        String post =
                world().getString("facebook.pages.find { it.name == 'AcmeCare' }.posts[0].id");
        String comment =
                console(
                        "/facebook/comments",
                        Map.of(
                                "personId",
                                "8001",
                                "parentId",
                                post,
                                "text",
                                "My parcel 4411 is late"));

        // Ann may have written before: her conversation is the one with this comment in it.
        awaitInbound("8001", "My parcel 4411 is late");
        String id = awaitConversation("8001");
        agent("/api/conversations/" + id).body("defaultReplyMode", equalTo("PUBLIC"));
        String publicAnswer = "Sorry Ann, we are checking 4411 now";
        reply(id, publicAnswer, "PUBLIC");
        awaitDelivered(id, publicAnswer, "SENT");
        // The answer is on the network, under Ann's comment, from the page.
        assertThat(
                        world().getList(
                                        "facebook.pages.find { it.name == 'AcmeCare'"
                                                + " }.posts[0].comments.find { it.id == '"
                                                + comment
                                                + "' }.comments.findAll { it.byPage }.message"))
                .contains(publicAnswer);

        console(
                "/facebook/messages",
                Map.of("pageId", "1000001", "personId", "8001", "text", "Here is my address"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent("/api/conversations/" + id)
                                        .body("defaultReplyMode", equalTo("PRIVATE")));
        reply(id, "We sent you the tracking link privately", "PRIVATE_RESPONSE");
        awaitDelivered(id, "We sent you the tracking link privately", "SENT");
        reply(id, "Anything else?", "PRIVATE");
        awaitDelivered(id, "Anything else?", "SENT");

        // Eight days later on the network: Facebook refuses, and the agent reads why.
        console(
                "/facebook/messenger/age",
                Map.of("pageId", "1000001", "personId", "8001", "hours", 192));
        reply(id, "Are you still there?", "PRIVATE");
        String reason = awaitDelivered(id, "Are you still there?", "FAILED");
        assertThat(reason).startsWith("Outside the allowed messaging window (Facebook: (#10)");
    }

    @Test
    void aMentionAnsweredInPublicAndADirectMessageInPrivate() {
        console(
                "/twitter/tweets",
                Map.of(
                        "brandUserId",
                        "2000001",
                        "personId",
                        "9002",
                        "text",
                        "app keeps logging me out"));
        // Carla may have written before: her conversation is the one with this tweet in it.
        awaitInbound("9002", "@AcmeCare app keeps logging me out");
        String id = awaitConversation("9002");
        reply(id, "Sorry Carla! Which phone do you use?", "PUBLIC");
        awaitDelivered(id, "Sorry Carla! Which phone do you use?", "SENT");
        assertThat(
                        world().getList(
                                        "twitter.brands.find { it.handle == 'AcmeCare'"
                                                + " }.threads.flatten().text"))
                .contains("@carlam Sorry Carla! Which phone do you use?");

        console(
                "/twitter/dms",
                Map.of("brandUserId", "2000001", "personId", "9002", "text", "Pixel 8, order 77"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent("/api/conversations/" + id)
                                        .body("defaultReplyMode", equalTo("PRIVATE")));
        reply(id, "Thanks, a fix is on its way", "PRIVATE");
        awaitDelivered(id, "Thanks, a fix is on its way", "SENT");
        assertThat(
                        world().getList(
                                        "twitter.brands.find { it.handle == 'AcmeCare'"
                                                + " }.directMessages.find { it.person.id == '9002'"
                                                + " }.messages.text"))
                .contains("Pixel 8, order 77", "Thanks, a fix is on its way");
    }

    @Test
    void aRestartedSimulatorNeverReusesAnIdTheSuiteHasStored() {
        List<String> before = actAsChenAndDev("before the restart");

        simulator = SimulatedSuite.get().restartSimulator();

        List<String> after = actAsChenAndDev("after the restart");
        assertThat(after).doesNotContainAnyElementsOf(before).doesNotHaveDuplicates();
    }

    /**
     * Chen comments on AcmeCare's post and writes in Messenger, Dev mentions AcmeCare and sends a
     * DM; each must arrive in the transcript as a message of its own. Returns their platform ids.
     */
    @Test
    void moderationReachesTheNetworksAndTheirOwnWebhooksForItChangeNothingMore() {
        String post =
                world().getString("facebook.pages.find { it.name == 'AcmeCare' }.posts[0].id");
        String text = "This shop is a scam " + UUID.randomUUID();
        String comment =
                console(
                        "/facebook/comments",
                        Map.of("personId", "8002", "parentId", post, "text", text));
        awaitInbound("8002", text);
        String conversation = awaitConversation("8002");
        String message = messageId(conversation, text);
        String onTheNetwork =
                "facebook.pages.find { it.name == 'AcmeCare' }.posts[0].comments"
                        + ".find { it.id == '"
                        + comment
                        + "' }";

        double unchangedBefore = unchangedChanges();
        moderate(conversation, message, "HIDE");
        awaitMessage(conversation, message, "hidden", true);
        // Hidden on Facebook too, and Facebook's own hide webhook came back: nothing changed by it.
        assertThat(world().getBoolean(onTheNetwork + ".hidden")).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> unchangedChanges() > unchangedBefore);
        agent("/api/conversations/" + conversation + "/messages/" + message)
                .body("moderation.action", equalTo("HIDE"))
                .body("moderation.status", equalTo("SENT"));
        assertThat(
                        agent("/api/conversations/" + conversation + "/messages?limit=200")
                                .extract()
                                .<List<String>>path("items.platformId"))
                .containsOnlyOnce(comment);

        moderate(conversation, message, "UNHIDE");
        awaitMessage(conversation, message, "hidden", false);
        assertThat(world().getBoolean(onTheNetwork + ".hidden")).isFalse();

        moderate(conversation, message, "LIKE");
        awaitMessage(conversation, message, "liked", true);
        assertThat(world().getBoolean(onTheNetwork + ".likedByPage")).isTrue();

        double beforeDelete = unchangedChanges();
        moderate(conversation, message, "DELETE");
        awaitMessage(conversation, message, "deleted", true);
        assertThat(world().<Object>get(onTheNetwork)).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> unchangedChanges() > beforeDelete);

        // On X, a brand can like a tweet.
        String tweetText = "Loving the new range " + UUID.randomUUID();
        String tweet =
                console(
                        "/twitter/tweets",
                        Map.of("brandUserId", "2000001", "personId", "9003", "text", tweetText));
        // The console writes it as a mention.
        awaitInbound("9003", "@AcmeCare " + tweetText);
        String tweetConversation = awaitConversation("9003");
        String tweetMessage = messageId(tweetConversation, "@AcmeCare " + tweetText);
        moderate(tweetConversation, tweetMessage, "LIKE");
        awaitMessage(tweetConversation, tweetMessage, "liked", true);
        assertThat(
                        world().getList(
                                        "twitter.brands.find { it.handle == 'AcmeCare'"
                                                + " }.threads.flatten().findAll { it.id == '"
                                                + tweet
                                                + "' }.likedByBrand"))
                .containsExactly(true);
    }

    @Test
    void aPostsFiftyCommentsAreAnsweredInBulkEachOnceOnTheNetwork() {
        // On GlobexHelp's page: a new post there changes nothing AcmeCare's stories rely on.
        String text = "Winter sale " + UUID.randomUUID();
        String post = console("/facebook/posts", Map.of("pageId", "3000001", "text", text));
        // Not Chen (8004): HostileInputIT proves Globex knows nothing of him.
        List<String> people = List.of("8001", "8002", "8003", "8005");
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            comments.add(
                    console(
                            "/facebook/comments",
                            Map.of(
                                    "personId",
                                    people.get(i % people.size()),
                                    "parentId",
                                    post,
                                    "text",
                                    "Does it include shoes? #" + i)));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                globex("/api/brand-posts/" + post + "/comments")
                                        .body("items", hasSize(50))
                                        .body("post.text", equalTo(text))
                                        .body("post.unanswered", equalTo(50)));

        String answer = "Yes, shoes too! " + UUID.randomUUID();
        given().baseUri(conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("globex"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", answer, "mode", "PUBLIC", "unanswered", true))
                .post("/api/brand-posts/" + post + "/replies")
                .then()
                .statusCode(202)
                .body("sent", hasSize(50));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                globex("/api/brand-posts/" + post + "/comments")
                                        .body(
                                                "items.reply.deliveryStatus",
                                                everyItem(equalTo("SENT")))
                                        .body("post.answeredPublicly", equalTo(50)));
        // On Facebook: exactly one answer from the page under each comment.
        JsonPath world = world();
        for (String comment : comments) {
            List<String> answers =
                    world.getList(
                            "facebook.pages.find { it.name == 'GlobexHelp' }.posts.find { it.id =="
                                    + " '"
                                    + post
                                    + "' }.comments.find { it.id == '"
                                    + comment
                                    + "' }.comments.findAll { it.byPage }.message");
            assertThat(answers).as("answers under %s", comment).containsExactly(answer);
        }
    }

    private static String messageId(String conversationId, String text) {
        return agent("/api/conversations/" + conversationId + "/messages?limit=200")
                .extract()
                .path("items.find { it.text == '" + text + "' }.id");
    }

    private static void moderate(String conversationId, String messageId, String action) {
        given().baseUri(conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .contentType(ContentType.JSON)
                .body(Map.of("action", action))
                .post(
                        "/api/conversations/"
                                + conversationId
                                + "/messages/"
                                + messageId
                                + "/moderation")
                .then()
                .statusCode(202);
    }

    private static void awaitMessage(
            String conversationId, String messageId, String field, boolean value) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent(
                                                "/api/conversations/"
                                                        + conversationId
                                                        + "/messages/"
                                                        + messageId)
                                        .body(field, equalTo(value)));
    }

    /** The network's reports of changes the transcript already showed (conversation-service). */
    private static double unchangedChanges() {
        String metrics = given().baseUri(conversations.baseUrl()).get("/q/metrics").asString();
        return metrics.lines()
                .filter(
                        line ->
                                line.startsWith("conversation_inbound_events_total{")
                                        && line.contains("outcome=\"unchanged\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> actAsChenAndDev(String when) {
        String post =
                world().getString("facebook.pages.find { it.name == 'AcmeCare' }.posts[0].id");
        console(
                "/facebook/comments",
                Map.of("personId", "8004", "parentId", post, "text", "Comment " + when));
        console(
                "/facebook/messages",
                Map.of("pageId", "1000001", "personId", "8004", "text", "Message " + when));
        console(
                "/twitter/tweets",
                Map.of("brandUserId", "2000001", "personId", "9003", "text", "Tweet " + when));
        console(
                "/twitter/dms",
                Map.of("brandUserId", "2000001", "personId", "9003", "text", "DM " + when));
        return List.of(
                awaitInbound("8004", "Comment " + when),
                awaitInbound("8004", "Message " + when),
                awaitInbound("9003", "@AcmeCare Tweet " + when),
                awaitInbound("9003", "DM " + when));
    }

    /** Waits for the consumer's message with that text, and returns its platform id. */
    private static String awaitInbound(String consumerId, String text) {
        String id = awaitConversation(consumerId);
        String path =
                "items.find { it.direction == 'INBOUND' && it.text == '" + text + "' }.platformId";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent("/api/conversations/" + id + "/messages")
                                        .body(path, notNullValue()));
        return agent("/api/conversations/" + id + "/messages").extract().path(path);
    }

    private static String awaitConversation(String consumerId) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent("/api/conversations?status=OPEN")
                                        .body("items.consumer.id", hasItem(consumerId)));
        return agent("/api/conversations?status=OPEN")
                .extract()
                .path("items.find { it.consumer.id == '" + consumerId + "' }.id");
    }

    private static void reply(String conversationId, String text, String mode) {
        given().baseUri(conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("text", text, "mode", mode))
                .post("/api/conversations/" + conversationId + "/replies")
                .then()
                .statusCode(202);
    }

    /** Waits for the agent's message to reach the status, and returns its failure reason. */
    private static String awaitDelivered(String conversationId, String text, String status) {
        String path = "items.find { it.direction == 'OUTBOUND' && it.text == '" + text + "' }";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent("/api/conversations/" + conversationId + "/messages")
                                        .body(path + ".deliveryStatus", equalTo(status)));
        return agent("/api/conversations/" + conversationId + "/messages")
                .extract()
                .path(path + ".failureReason");
    }

    private static ValidatableResponse globex(String path) {
        return asBrand("globex", path);
    }

    private static ValidatableResponse agent(String path) {
        return asBrand("acme", path);
    }

    private static ValidatableResponse asBrand(String brand, String path) {
        return given().baseUri(conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer(brand))
                .get(path)
                .then()
                .statusCode(200);
    }

    private static JsonPath world() {
        return given().baseUri(simulator.baseUrl())
                .get("/console/api/world")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String console(String path, Map<String, Object> body) {
        return SimulatorConsole.act(simulator, path, body);
    }
}
