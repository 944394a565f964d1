package org.socialsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Scenario (e), a rolling update: two replicas each of conversation-, outbound- and
 * profile-service; in the middle of a burst of consumers' messages and agents' replies, one replica
 * of each is stopped (SIGTERM, as a rollout does) and started again, so every group rebalances
 * twice. Nothing is lost, doubled, reordered or dead-lettered; no reply is posted twice; and an
 * agent connected to the replica that stayed hears every message.
 */
class RollingUpdateFaultIT {

    private static final boolean FULL = "full".equals(System.getenv("FAULT_SCALE"));
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());
    private static final List<String> DEAD_LETTER_TOPICS =
            List.of(
                    "social.inbound.v1.dlq",
                    "social.profile.v1.dlq",
                    "social.outbound.result.v1.dlq",
                    "social.outbound.requested.v1.dlq");

    private final RunningSuite suite = new RunningSuite();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<TopicWatcher<byte[]>> deadLetters = new ArrayList<>();

    @AfterEach
    void stop() {
        suite.close();
        deadLetters.forEach(TopicWatcher::close);
    }

    @Test
    void oneReplicaOfEachServiceRestartedMidBurstLosesDoublesAndReordersNothing() throws Exception {
        for (String database :
                List.of("rolling_conversation", "rolling_outbound", "rolling_profile")) {
            POSTGRES.recreateDatabase(database);
        }
        DEAD_LETTER_TOPICS.forEach(
                topic -> deadLetters.add(TopicWatcher.open(topic, new ByteArrayDeserializer())));
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        ServiceProcess simulator =
                suite.start("social-simulator", Map.of("SIMULATOR_INGEST_URL", ingest.baseUrl()));
        Map<String, String> networks =
                Map.of(
                        "SOCIAL_FACEBOOK_GRAPH_URL", simulator.baseUrl() + "/facebook",
                        "SOCIAL_TWITTER_API_URL", simulator.baseUrl() + "/twitter");
        ServiceProcess conversationsA =
                replica("conversation-service", "rolling_conversation", networks);
        ServiceProcess conversationsB =
                replica("conversation-service", "rolling_conversation", networks);
        ServiceProcess outboundA = replica("outbound-service", "rolling_outbound", networks);
        replica("outbound-service", "rolling_outbound", networks);
        ServiceProcess profilesA = replica("profile-service", "rolling_profile", networks);
        replica("profile-service", "rolling_profile", networks);
        suite.awaitReady();

        // An agent on the replica that stays, and one whose comment the agents answer meanwhile.
        List<String> heard = listen(conversationsB);
        AgentApi agent = new AgentApi(conversationsB);
        String post =
                given(simulator)
                        .get("/console/api/world")
                        .then()
                        .extract()
                        .path("facebook.pages.find { it.name == 'AcmeCare' }.posts[0].id");
        String comment =
                given(simulator)
                        .contentType("application/json")
                        .body(Map.of("personId", "8001", "parentId", post, "text", "Hello " + run))
                        .post("/console/api/facebook/comments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");
        String thread = agent.awaitConversationOf("8001");

        int consumers = FULL ? 300 : 60;
        int replies = FULL ? 60 : 30;
        int accepted = sendMessages(ingest, consumers, 1, 2);
        // The rollout, one replica of each in turn, stopped (SIGTERM) and started again while
        // consumers write and the agent answers.
        accepted +=
                during(
                        () -> suite.restart(conversationsA),
                        () -> sendMessages(ingest, consumers, 3, 3));
        accepted +=
                during(
                        () -> suite.restart(outboundA),
                        () -> {
                            for (int n = 0; n < replies; n++) {
                                agent.reply(thread, "Answer " + n + " of " + run, "PUBLIC");
                            }
                            return sendMessages(ingest, consumers, 4, 4);
                        });
        accepted +=
                during(() -> suite.restart(profilesA), () -> sendMessages(ingest, consumers, 5, 5));
        suite.awaitReady();

        int expected = consumers * 5;
        assertThat(accepted).isEqualTo(expected);
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> stored().values().stream().mapToInt(List::size).sum() >= expected);
        Map<String, List<String>> stored = stored();
        await().atMost(Duration.ofMinutes(2)).until(() -> everyReplyFinal(agent, thread, replies));
        Map<String, Long> posts = postsUnder(simulator, comment);
        await().atMost(Duration.ofSeconds(60)).until(() -> heardAll(heard, expected));
        int deadLettered = deadLetters.stream().mapToInt(watcher -> watcher.poll().size()).sum();

        System.out.printf(
                "[fault] rolling update (one replica of each restarted): sent %d, stored %d,"
                        + " dead-lettered %d; replies %d, network posts %d, double posts %d;"
                        + " heard live %d%n",
                expected,
                stored.values().stream().mapToInt(List::size).sum(),
                deadLettered,
                replies,
                posts.values().stream().mapToLong(Long::longValue).sum(),
                posts.values().stream().filter(copies -> copies > 1).count(),
                countHeard(heard));
        stored.forEach(
                (consumer, texts) ->
                        assertThat(texts)
                                .as("messages of " + consumer + ", once each, in order")
                                .containsExactly(
                                        "message 1",
                                        "message 2",
                                        "message 3",
                                        "message 4",
                                        "message 5"));
        assertThat(stored).hasSize(consumers);
        assertThat(deadLettered).isZero();
        assertThat(posts.values()).allMatch(copies -> copies == 1);
    }

    private ServiceProcess replica(String service, String database, Map<String, String> networks) {
        Map<String, String> environment = new HashMap<>(networks);
        String address = POSTGRES.address() + "/" + database;
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + address);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", POSTGRES.jdbcUrl(database));
        return suite.start(service, environment);
    }

    /** Runs the rollout step while the work goes on; returns what the work returned. */
    private static int during(Runnable rolloutStep, java.util.concurrent.Callable<Integer> work)
            throws Exception {
        ExecutorService rollout = Executors.newSingleThreadExecutor();
        try {
            Future<?> step = rollout.submit(rolloutStep);
            int done = work.call();
            step.get(3, TimeUnit.MINUTES);
            return done;
        } finally {
            rollout.shutdownNow();
        }
    }

    /**
     * Each consumer sends its messages {@code from..to} in order, again until ingest takes each, as
     * the network would; returns how many were accepted.
     */
    private int sendMessages(ServiceProcess ingest, int consumers, int from, int to)
            throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                String psid = "r" + run + "-" + c;
                all.add(
                        writers.submit(
                                () -> {
                                    for (int n = from; n <= to; n++) {
                                        String body =
                                                FacebookWebhooks.messenger(
                                                        psid,
                                                        "m_" + psid + "_" + n,
                                                        "message " + n);
                                        await().atMost(Duration.ofMinutes(1))
                                                .until(
                                                        () ->
                                                                FacebookWebhooks.postSigned(
                                                                                        ingest,
                                                                                        body)
                                                                                .extract()
                                                                                .statusCode()
                                                                        == 200);
                                        accepted.incrementAndGet();
                                    }
                                }));
            }
            for (Future<?> writer : all) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        return accepted.get();
    }

    /** The run's stored messages per consumer, in arrival order. */
    private Map<String, List<String>> stored() {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        try (Connection connection = POSTGRES.connect("rolling_conversation");
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT author_id, text FROM message WHERE author_id LIKE ?"
                                        + " ORDER BY seq")) {
            query.setString(1, "r" + run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    texts.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        } catch (SQLException notYetMigrated) {
            return Map.of();
        }
        return texts;
    }

    private boolean everyReplyFinal(AgentApi agent, String thread, int replies) {
        List<Object> statuses =
                agent.transcript(thread).stream()
                        .filter(
                                message ->
                                        String.valueOf(message.get("text")).endsWith(" of " + run))
                        .map(message -> message.get("deliveryStatus"))
                        .toList();
        return statuses.size() == replies && !statuses.contains("PENDING");
    }

    private Map<String, Long> postsUnder(ServiceProcess simulator, String comment) {
        List<String> texts =
                given(simulator)
                        .get("/console/api/world")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList(
                                "facebook.pages.find { it.name == 'AcmeCare' }.posts[0].comments"
                                        + ".find { it.id == '"
                                        + comment
                                        + "' }.comments"
                                        + ".findAll { it.byPage }.message",
                                String.class);
        Map<String, Long> copies = new HashMap<>();
        texts.stream()
                .filter(text -> text.endsWith(" of " + run))
                .forEach(text -> copies.merge(text, 1L, Long::sum));
        return copies;
    }

    /** An agent's live stream on one replica, as the workspace reads it. */
    private static List<String> listen(ServiceProcess conversations) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(conversations.baseUrl() + "/api/conversations/stream"))
                        .header("Authorization", AgentTokens.bearer("acme"))
                        .header("Accept", "text/event-stream")
                        .build();
        HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }

    /**
     * The consumers' messages the agent heard announced, each counted once (the database is this
     * test's own, so every "message n" is this run's).
     */
    private static long countHeard(List<String> heard) {
        Pattern id = Pattern.compile("\"messageId\":\"([^\"]+)\"");
        return heard.stream()
                .filter(line -> line.contains("\"type\":\"MessageRecorded\""))
                .filter(line -> line.contains("\"direction\":\"INBOUND\""))
                .filter(line -> line.contains("\"text\":\"message "))
                .flatMap(line -> id.matcher(line).results().map(match -> match.group(1)))
                .distinct()
                .count();
    }

    private static boolean heardAll(List<String> heard, int expected) {
        return countHeard(heard) >= expected;
    }

    private static io.restassured.specification.RequestSpecification given(ServiceProcess service) {
        return io.restassured.RestAssured.given().baseUri(service.baseUrl());
    }
}
