package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;

/**
 * outbound-service killed (-9) in the middle of 200 replies to the simulated network, while one of
 * them is on the wire, and started again: every reply is on the network exactly once and SENT, or
 * not on it and DELIVERY_UNKNOWN; none is posted twice and none stays PENDING. The whole loop runs:
 * the agent answers through conversation-service, the network's echoes come back through ingest.
 */
class ReplyCrashFaultIT {

    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());
    private static final String OUTBOUND_DATABASE = "reply_crash_outbound";
    private static final int REPLIES = 200;

    private final RunningSuite suite = new RunningSuite();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ServiceProcess simulator;
    private AgentApi agent;

    @AfterEach
    void stop() {
        suite.close();
    }

    @Test
    void outboundServiceKilledMidCallPostsNothingTwiceAndEveryReplyEnds() throws Exception {
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        simulator =
                suite.start("social-simulator", Map.of("SIMULATOR_INGEST_URL", ingest.baseUrl()));
        agent =
                new AgentApi(
                        suite.startWithDatabase(
                                "conversation-service", "reply_crash_conversation"));
        ServiceProcess outbound =
                suite.startWithDatabase(
                        "outbound-service",
                        OUTBOUND_DATABASE,
                        Map.of(
                                "SOCIAL_FACEBOOK_GRAPH_URL", simulator.baseUrl() + "/facebook",
                                "SOCIAL_TWITTER_API_URL", simulator.baseUrl() + "/twitter"));
        suite.awaitReady();

        String post = world().getString(ACME_PAGE + ".posts[0].id");
        String comment =
                console(Map.of("personId", "8001", "parentId", post, "text", "Where is " + run));
        String conversation = agent.awaitConversationOf("8001");
        // The agent keeps answering while the service is killed and started again.
        ExecutorService agentAtWork = Executors.newSingleThreadExecutor();
        Future<?> answering =
                agentAtWork.submit(
                        () -> {
                            for (int n = 0; n < REPLIES; n++) {
                                agent.reply(conversation, text(n), "PUBLIC");
                            }
                        });
        agentAtWork.shutdown();

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> deliveries("SENT") >= REPLIES / 4);
        // The network hangs with a reply on the wire; the service dies during that call.
        simulator.freeze();
        int onTheWire;
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("SENDING") >= 1);
            outbound.kill();
            onTheWire = deliveries("SENDING");
        } finally {
            simulator.thaw();
        }
        suite.restart(outbound);
        answering.get(2, TimeUnit.MINUTES);

        Map<String, String> status = awaitEveryReplyFinal(conversation);
        Map<String, Long> posts = postsUnder(comment);
        Figures figures = Figures.of(status, posts);
        figures.print(onTheWire);
        assertThat(figures.doublePosts()).as("replies posted twice").isEmpty();
        status.forEach(
                (text, outcome) -> {
                    long copies = posts.getOrDefault(text, 0L);
                    switch (outcome) {
                        case "SENT" -> assertThat(copies).as(text + " is SENT").isEqualTo(1);
                        case "DELIVERY_UNKNOWN" ->
                                assertThat(copies)
                                        .as(text + " is unknown, so its echo never came")
                                        .isZero();
                        default -> throw new AssertionError(text + " ended " + outcome);
                    }
                });
        assertThat(status).hasSize(REPLIES);
        // The agent reads why: the restarted service's start-up check said so.
        assertThat(agent.transcript(conversation))
                .filteredOn(message -> "DELIVERY_UNKNOWN".equals(message.get("deliveryStatus")))
                .allSatisfy(
                        message ->
                                assertThat((String) message.get("failureReason"))
                                        .contains("may or may not have reached the network"));
    }

    private static final String ACME_PAGE = "facebook.pages.find { it.name == 'AcmeCare' }";

    private String text(int n) {
        return "Answer " + n + " of " + run;
    }

    /** The replies' outcomes by text, once none of them is PENDING any more. */
    private Map<String, String> awaitEveryReplyFinal(String conversation) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            Map<String, String> status = outcomes(conversation);
                            return status.size() == REPLIES && !status.containsValue("PENDING");
                        });
        return outcomes(conversation);
    }

    private Map<String, String> outcomes(String conversation) {
        return agent.transcript(conversation).stream()
                .filter(message -> "OUTBOUND".equals(message.get("direction")))
                .filter(message -> String.valueOf(message.get("text")).endsWith(" of " + run))
                .collect(
                        Collectors.toMap(
                                message -> (String) message.get("text"),
                                message -> String.valueOf(message.get("deliveryStatus"))));
    }

    /** What the network shows under the consumer's comment from the page, by text. */
    private Map<String, Long> postsUnder(String comment) {
        List<String> texts =
                world().getList(
                                ACME_PAGE
                                        + ".posts[0].comments.find { it.id == '"
                                        + comment
                                        + "' }.comments.findAll { it.byPage }.message",
                                String.class);
        return texts.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private record Figures(
            int replies, long posts, Map<String, Long> outcomes, List<String> doublePosts) {

        static Figures of(Map<String, String> status, Map<String, Long> posts) {
            Map<String, Long> outcomes = new HashMap<>();
            status.values().forEach(outcome -> outcomes.merge(outcome, 1L, Long::sum));
            return new Figures(
                    status.size(),
                    posts.values().stream().mapToLong(Long::longValue).sum(),
                    outcomes,
                    posts.entrySet().stream()
                            .filter(copies -> copies.getValue() > 1)
                            .map(Map.Entry::getKey)
                            .toList());
        }

        void print(int onTheWire) {
            System.out.printf(
                    "[fault] outbound-service killed mid-call: replies %d, on the wire at the kill"
                            + " %d, network posts %d, sent %d, unknown %d, failed %d, double"
                            + " posts %d, not final %d%n",
                    replies,
                    onTheWire,
                    posts,
                    outcomes.getOrDefault("SENT", 0L),
                    outcomes.getOrDefault("DELIVERY_UNKNOWN", 0L),
                    outcomes.getOrDefault("FAILED", 0L),
                    doublePosts.size(),
                    outcomes.getOrDefault("PENDING", 0L));
        }
    }

    private static int deliveries(String status) {
        try (Connection connection = POSTGRES.connect(OUTBOUND_DATABASE);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT count(*) FROM delivery WHERE status = ?")) {
            query.setString(1, status);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException notYetMigrated) {
            return 0;
        }
    }

    private JsonPath world() {
        return given().baseUri(simulator.baseUrl())
                .get("/console/api/world")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private String console(Map<String, ?> comment) {
        return given().baseUri(simulator.baseUrl())
                .contentType(ContentType.JSON)
                .body(comment)
                .post("/console/api/facebook/comments")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }
}
