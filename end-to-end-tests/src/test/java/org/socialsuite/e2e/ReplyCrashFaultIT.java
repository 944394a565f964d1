package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ReplyResultDeserializer;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Two outbound-service replicas deliver an agent's replies to the simulated networks. One is killed
 * (-9) while a reply of its own is on the wire and started again while the other keeps delivering:
 * every reply is on the network exactly once and SENT, or not on it and DELIVERY_UNKNOWN; only the
 * replies the dead replica was sending are ever reported unknown; none is posted twice and none
 * stays PENDING. Then Direct Messages to several consumers, spread over both replicas, keep to the
 * account's one rate limit. The whole loop runs: the agent answers through conversation-service,
 * the network's echoes come back through ingest.
 */
class ReplyCrashFaultIT {

    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());
    private static final String OUTBOUND_DATABASE = "reply_crash_outbound";
    private static final String ACME_PAGE = "facebook.pages.find { it.name == 'AcmeCare' }";
    private static final String ACME_TWITTER = "2000001";
    // Every Facebook and Twitter/X consumer of the simulator: conversations on several partitions,
    // so both replicas have replies to deliver.
    private static final List<String> COMMENTERS = List.of("8001", "8002", "8003", "8004");
    private static final List<String> DM_WRITERS = List.of("9001", "9002", "9003");
    private static final int REPLIES = 200;
    private static final int DIRECT_MESSAGES = 24;
    private static final int DM_PERMITS = 3;
    private static final Duration DM_PERIOD = Duration.ofSeconds(2);

    private final RunningSuite suite = new RunningSuite();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ServiceProcess simulator;
    private AgentApi agent;
    private TopicWatcher<ReplyResult> results;

    /** Every conversation the agent answers in, in the order they opened. */
    private final List<String> conversations = new ArrayList<>();

    @AfterEach
    void stop() {
        suite.close();
        if (results != null) {
            results.close();
        }
    }

    @Test
    void aReplicaKilledMidCallPostsNothingTwiceAndTheOtherKeepsDeliveringUnderOneRateLimit()
            throws Exception {
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        // The network's own DM quota out of the way: the account's rate limit is ours to keep.
        simulator =
                suite.start(
                        "social-simulator",
                        Map.of(
                                "SIMULATOR_INGEST_URL",
                                ingest.baseUrl(),
                                "SIMULATOR_QUOTAS_TWITTER_DIRECT_MESSAGES",
                                "100000"));
        agent =
                new AgentApi(
                        suite.startWithDatabase(
                                "conversation-service", "reply_crash_conversation"));
        POSTGRES.recreateDatabase(OUTBOUND_DATABASE);
        List<ServiceProcess> outbound = List.of(outbound(), outbound());
        results = TopicWatcher.open(Topics.OUTBOUND_RESULT, new ReplyResultDeserializer());
        suite.awaitReady();

        String post = world().getString(ACME_PAGE + ".posts[0].id");
        Map<String, String> commentOf = new LinkedHashMap<>();
        for (String person : COMMENTERS) {
            String comment =
                    console(
                            "/facebook/comments",
                            Map.of("personId", person, "parentId", post, "text", "Where " + run));
            commentOf.put(agent.awaitConversationOf(person), comment);
        }
        conversations.addAll(commentOf.keySet());
        List<String> commented = List.copyOf(conversations);
        // The agents keep answering while a replica is killed and started again.
        ExecutorService agentsAtWork = Executors.newSingleThreadExecutor();
        Future<?> answering =
                agentsAtWork.submit(
                        () -> {
                            for (int n = 0; n < REPLIES; n++) {
                                agent.reply(
                                        commented.get(n % commented.size()),
                                        text("Answer", n),
                                        "PUBLIC");
                            }
                        });
        agentsAtWork.shutdown();

        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> deliveries("SENT") >= REPLIES / 4);
        // The network hangs with replies on the wire; a replica holding one dies during that call.
        simulator.freeze();
        ServiceProcess victim;
        Map<String, String> claims;
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> !claims().isEmpty());
            victim = holderOf(claims().values().iterator().next(), outbound);
            victim.kill();
            claims = claims();
        } finally {
            simulator.thaw();
        }
        // Started again while the other replica is still delivering.
        suite.restart(victim);
        answering.get(2, TimeUnit.MINUTES);
        Set<String> cutOff = textsOf(replyIdsClaimedBy(claims, victim));

        Map<String, String> status = awaitEveryReplyFinal("Answer", REPLIES);
        Map<String, Long> posts = new HashMap<>();
        commentOf.values().forEach(comment -> postsUnder(comment, posts));
        Figures figures = Figures.of(status, posts);
        figures.print(claims.size(), cutOff.size());
        assertThat(figures.doublePosts()).as("replies posted twice").isEmpty();
        assertEveryReplyOnTheNetworkOnceOrUnknown(status, posts);
        assertThat(textsOf(reportedUnknown()))
                .as("replies reported unknown, all cut off by the kill, none the other replica's")
                .isSubsetOf(cutOff);
        // The agent reads why: the expired claim's report said so.
        for (String conversation : commented) {
            assertThat(agent.transcript(conversation))
                    .filteredOn(message -> "DELIVERY_UNKNOWN".equals(message.get("deliveryStatus")))
                    .allSatisfy(
                            message ->
                                    assertThat((String) message.get("failureReason"))
                                            .contains("may or may not have reached the network"));
        }

        directMessagesKeepToOneRateLimitAcrossBothReplicas();
    }

    /**
     * Each consumer writes a Direct Message; the agent answers all of them at once. Both replicas
     * draw permits from the same bucket, so however the conversations are spread, the account's
     * sends never go faster than {@link #DM_PERMITS} per {@link #DM_PERIOD} with a full bucket to
     * start: in any span of time, at most permits + permits × span / period (one more for the
     * network's clock reading a send a moment after the permit).
     */
    private void directMessagesKeepToOneRateLimitAcrossBothReplicas() {
        suite.awaitReady();
        List<String> written = new ArrayList<>();
        for (String person : DM_WRITERS) {
            console(
                    "/twitter/dms",
                    Map.of("brandUserId", ACME_TWITTER, "personId", person, "text", "Hi " + run));
            written.add(agent.awaitConversationOf(person));
        }
        conversations.addAll(written);
        for (int n = 0; n < DIRECT_MESSAGES; n++) {
            agent.reply(written.get(n % written.size()), text("DM", n), "PRIVATE");
        }
        Map<String, String> status = awaitEveryReplyFinal("DM", DIRECT_MESSAGES);
        assertThat(status.values()).as("every DM sent").containsOnly("SENT");

        List<Instant> sent = directMessagesSent();
        assertThat(sent).hasSize(DIRECT_MESSAGES);
        double periods =
                Duration.between(sent.get(0), sent.get(sent.size() - 1)).toMillis()
                        / (double) DM_PERIOD.toMillis();
        System.out.printf(
                "[fault] %d DMs took %.1f s on the network (the limiter spaces them over %.1f s at"
                        + " %d per %s), sent by the replicas: %s%n",
                sent.size(),
                periods * DM_PERIOD.toMillis() / 1000.0,
                (DIRECT_MESSAGES - DM_PERMITS) * DM_PERIOD.toMillis() / (DM_PERMITS * 1000.0),
                DM_PERMITS,
                DM_PERIOD,
                twitterDeliveriesByReplica());
        for (int first = 0; first < sent.size(); first++) {
            for (int last = first + 1; last < sent.size(); last++) {
                double span =
                        Duration.between(sent.get(first), sent.get(last)).toMillis()
                                / (double) DM_PERIOD.toMillis();
                assertThat(last - first + 1)
                        .as("DMs sent between %s and %s", sent.get(first), sent.get(last))
                        .isLessThanOrEqualTo((int) Math.floor(DM_PERMITS * (1 + span)) + 1);
            }
        }
    }

    /** Both replicas on one database, with a small DM quota each would keep on its own. */
    private ServiceProcess outbound() {
        String address = POSTGRES.address() + "/" + OUTBOUND_DATABASE;
        return suite.start(
                "outbound-service",
                Map.of(
                        "QUARKUS_DATASOURCE_REACTIVE_URL",
                        "postgresql://" + address,
                        "QUARKUS_DATASOURCE_JDBC_URL",
                        POSTGRES.jdbcUrl(OUTBOUND_DATABASE),
                        "SOCIAL_FACEBOOK_GRAPH_URL",
                        simulator.baseUrl() + "/facebook",
                        "SOCIAL_TWITTER_API_URL",
                        simulator.baseUrl() + "/twitter",
                        "OUTBOUND_RATE_LIMIT_TWITTER_DMS_PERMITS",
                        Integer.toString(DM_PERMITS),
                        "OUTBOUND_RATE_LIMIT_TWITTER_DMS_PERIOD",
                        DM_PERIOD.toString()));
    }

    private String text(String kind, int n) {
        return kind + " " + n + " of " + run;
    }

    private void assertEveryReplyOnTheNetworkOnceOrUnknown(
            Map<String, String> status, Map<String, Long> posts) {
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
    }

    /** The replies' outcomes by text, once none of them is PENDING any more. */
    private Map<String, String> awaitEveryReplyFinal(String kind, int count) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            Map<String, String> status = outcomes(kind);
                            return status.size() == count && !status.containsValue("PENDING");
                        });
        return outcomes(kind);
    }

    private Map<String, String> outcomes(String kind) {
        Map<String, String> outcomes = new HashMap<>();
        for (String conversation : conversations) {
            agent.transcript(conversation).stream()
                    .filter(message -> "OUTBOUND".equals(message.get("direction")))
                    .map(message -> Map.entry(String.valueOf(message.get("text")), message))
                    .filter(text -> text.getKey().matches(kind + " \\d+ of " + run))
                    .forEach(
                            text ->
                                    outcomes.put(
                                            text.getKey(),
                                            String.valueOf(text.getValue().get("deliveryStatus"))));
        }
        return outcomes;
    }

    /** The replies the results topic reported DELIVERY_UNKNOWN, by id. */
    private Set<String> reportedUnknown() {
        return results.pollToEnd().stream()
                .map(ConsumerRecord::value)
                .filter(result -> result.status() == DeliveryOutcome.DELIVERY_UNKNOWN)
                .map(ReplyResult::replyId)
                .collect(Collectors.toSet());
    }

    /** The replies' texts, by their ids (a reply's id is its message's). */
    private Set<String> textsOf(Set<String> replyIds) {
        Set<String> texts = new HashSet<>();
        for (String conversation : conversations) {
            agent.transcript(conversation).stream()
                    .filter(message -> replyIds.contains(message.get("id")))
                    .forEach(message -> texts.add((String) message.get("text")));
        }
        return texts;
    }

    /** What the network shows under a consumer's comment from the page, counted by text. */
    private void postsUnder(String comment, Map<String, Long> posts) {
        world().getList(
                        ACME_PAGE
                                + ".posts[0].comments.find { it.id == '"
                                + comment
                                + "' }.comments.findAll { it.byPage }.message",
                        String.class)
                .forEach(text -> posts.merge(text, 1L, Long::sum));
    }

    /** When the network took each of the brand's DMs of this run, in order. */
    private List<Instant> directMessagesSent() {
        return world()
                .<Map<String, Object>>getList(
                        "twitter.brands.find { it.id == '"
                                + ACME_TWITTER
                                + "' }.directMessages.messages.flatten().findAll { it.fromBrand }")
                .stream()
                .filter(message -> String.valueOf(message.get("text")).endsWith(" of " + run))
                .map(message -> Instant.parse((String) message.get("at")))
                .sorted()
                .toList();
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

        void print(int onTheWire, int cutOff) {
            System.out.printf(
                    "[fault] one of two outbound replicas killed mid-call: replies %d, on the wire"
                            + " at the kill %d (the killed replica's %d), network posts %d, sent"
                            + " %d, unknown %d, failed %d, double posts %d, not final %d%n",
                    replies,
                    onTheWire,
                    cutOff,
                    posts,
                    outcomes.getOrDefault("SENT", 0L),
                    outcomes.getOrDefault("DELIVERY_UNKNOWN", 0L),
                    outcomes.getOrDefault("FAILED", 0L),
                    doublePosts.size(),
                    outcomes.getOrDefault("PENDING", 0L));
        }
    }

    /** The replica whose claims carry this owner (host name and process id). */
    private static ServiceProcess holderOf(String owner, List<ServiceProcess> replicas) {
        return replicas.stream()
                .filter(replica -> owner.endsWith("/" + replica.pid()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No replica signs its claims " + owner));
    }

    /** The replies the replica had claimed. */
    private static Set<String> replyIdsClaimedBy(
            Map<String, String> claims, ServiceProcess replica) {
        return claims.entrySet().stream()
                .filter(claim -> claim.getValue().endsWith("/" + replica.pid()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** The deliveries on the wire now, reply id to the replica that claimed it. */
    private static Map<String, String> claims() {
        try (Connection connection = POSTGRES.connect(OUTBOUND_DATABASE);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT reply_id, claimed_by FROM delivery"
                                        + " WHERE status = 'SENDING'");
                ResultSet rows = query.executeQuery()) {
            Map<String, String> claims = new HashMap<>();
            while (rows.next()) {
                claims.put(rows.getString(1), rows.getString(2));
            }
            return claims;
        } catch (SQLException notYetMigrated) {
            return Map.of();
        }
    }

    /**
     * How many Twitter/X deliveries each replica made. Which replica holds which conversation is
     * Kafka's choice: when one holds them all, the shared limit is not put to the test in that run.
     */
    private static Map<String, Integer> twitterDeliveriesByReplica() {
        try (Connection connection = POSTGRES.connect(OUTBOUND_DATABASE);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT claimed_by, count(*) FROM delivery"
                                        + " WHERE channel = 'TWITTER' GROUP BY claimed_by");
                ResultSet rows = query.executeQuery()) {
            Map<String, Integer> byReplica = new HashMap<>();
            while (rows.next()) {
                byReplica.put(rows.getString(1), rows.getInt(2));
            }
            return byReplica;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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

    private String console(String path, Map<String, ?> body) {
        return SimulatorConsole.act(simulator, path, body);
    }
}
