package org.socialsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.FaultyLink;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Nothing lost when the infrastructure fails under the inbound consumers: a replica stopped in the
 * middle of a batch (a rolling update) and the database gone for 20 s in the middle of a burst. The
 * packaged services run on this JVM's own broker (a failsafe execution of its own, apart from the
 * end-to-end suite), and each reaches PostgreSQL through a {@link FaultyLink} the test cuts: the
 * machine's server itself is never touched. Each scenario prints a line of figures.
 *
 * <p>{@code FAULT_SCALE=full} runs the sizes (300 consumers × 5 messages, 600 webhooks);
 * the default is a reduced run for CI.
 */
class InboundFaultIT {

    private static final boolean FULL = "full".equals(System.getenv("FAULT_SCALE"));
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());
    private static final String DATABASE = "fault_conversation";

    private final RunningSuite suite = new RunningSuite();
    private final List<FaultyLink> links = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private TopicWatcher<byte[]> deadLetters;
    private ServiceProcess ingest;

    @BeforeEach
    void start() {
        POSTGRES.recreateDatabase(DATABASE);
        POSTGRES.recreateDatabase("fault_profile");
        deadLetters = TopicWatcher.open("social.inbound.v1.dlq", new ByteArrayDeserializer());
        ingest = suite.start("ingest-service", Map.of());
    }

    @AfterEach
    void stop() {
        suite.close();
        links.forEach(FaultyLink::close);
        deadLetters.close();
    }

    @Test
    void aReplicaStoppedInTheMiddleOfABatchLosesAndDeadLettersNothing() throws Exception {
        FaultyLink toA = link();
        ServiceProcess a = conversationService(toA);
        ServiceProcess b = conversationService(link());
        profileService(link());
        suite.awaitReady();
        int consumers = FULL ? 300 : 60;

        Burst first = send(consumers, 1, 2);
        awaitStored(first.accepted());
        // A's database goes away: its batch is retried, unfinished, when the rollout stops it.
        toA.cut();
        Burst second = send(consumers, 3, 5);
        long stopping = System.nanoTime();
        a.stop();
        long stopped = (System.nanoTime() - stopping) / 1_000_000;

        Figures figures = awaitStored(first.accepted() + second.accepted());
        figures.print(
                "replica stopped mid-batch",
                first.sent() + second.sent(),
                first.accepted() + second.accepted(),
                deadLettered());
        System.out.printf(
                "  replica A stopped in %d ms; replica B %s%n",
                stopped, b.isAlive() ? "alive" : "dead");
        assertThat(first.accepted() + second.accepted()).isEqualTo(consumers * 5);
        figures.assertExactlyOnceAndInOrder(consumers * 5);
        assertThat(deadLettered()).isZero();
    }

    @Test
    void theDatabaseGoneFor20SecondsInTheMiddleOfABurstLosesAndDeadLettersNothing()
            throws Exception {
        FaultyLink conversationsDatabase = link();
        FaultyLink profilesDatabase = link();
        ServiceProcess conversations = conversationService(conversationsDatabase);
        ServiceProcess profiles = profileService(profilesDatabase);
        suite.awaitReady();
        int consumers = FULL ? 120 : 40; // × 5 messages: 600 webhooks in the full run

        Burst first = send(consumers, 1, 2);
        conversationsDatabase.cut();
        profilesDatabase.cut();
        long cutAt = System.nanoTime();
        Burst second = send(consumers, 3, 5);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> System.nanoTime() - cutAt >= TimeUnit.SECONDS.toNanos(20));
        conversationsDatabase.restore();
        profilesDatabase.restore();

        int accepted = first.accepted() + second.accepted();
        Figures figures = awaitStored(accepted);
        figures.print("database away 20 s", first.sent() + second.sent(), accepted, deadLettered());
        assertThat(accepted).isEqualTo(consumers * 5);
        figures.assertExactlyOnceAndInOrder(consumers * 5);
        assertThat(deadLettered()).isZero();
        // Both recover on their own: no restart.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> conversations.isReady() && profiles.isReady());
    }

    private FaultyLink link() {
        FaultyLink link = FaultyLink.to(POSTGRES.host(), POSTGRES.port());
        links.add(link);
        return link;
    }

    private ServiceProcess conversationService(FaultyLink database) {
        return suite.start("conversation-service", database(database, DATABASE));
    }

    private ServiceProcess profileService(FaultyLink database) {
        return suite.start("profile-service", database(database, "fault_profile"));
    }

    private static Map<String, String> database(FaultyLink link, String name) {
        String address = "127.0.0.1:" + link.port() + "/" + name;
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + address);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + address);
        // Not the simulator's: profile fetches find no network here, which is fine.
        environment.put("SOCIAL_FACEBOOK_GRAPH_URL", "http://127.0.0.1:9");
        environment.put("SOCIAL_TWITTER_API_URL", "http://127.0.0.1:9");
        return environment;
    }

    private record Burst(int sent, int accepted) {}

    /**
     * Each consumer sends messages {@code from..to} in order; the consumers write at the same time.
     */
    private Burst send(int consumers, int from, int to) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                String psid = psid(c);
                all.add(
                        writers.submit(
                                () -> {
                                    for (int n = from; n <= to; n++) {
                                        sent.incrementAndGet();
                                        int status =
                                                FacebookWebhooks.postSigned(
                                                                ingest,
                                                                FacebookWebhooks.messenger(
                                                                        psid,
                                                                        mid(psid, n),
                                                                        "message " + n))
                                                        .extract()
                                                        .statusCode();
                                        if (status == 200) {
                                            accepted.incrementAndGet();
                                        }
                                    }
                                }));
            }
            for (Future<?> writer : all) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        return new Burst(sent.get(), accepted.get());
    }

    private String psid(int consumer) {
        return "f" + run + "-" + consumer;
    }

    private static String mid(String psid, int n) {
        return "m_" + psid + "_" + n;
    }

    /** Everything the dead-letter topic received since the scenario began. */
    private int deadLettered() {
        return deadLetters.poll().size();
    }

    /** What the database holds of this run, per platform id and in arrival order. */
    private record Figures(Map<String, Integer> copies, Map<String, List<String>> texts) {

        int stored() {
            return copies.size();
        }

        int duplicates() {
            return copies.values().stream().mapToInt(n -> n - 1).sum();
        }

        void print(String scenario, int sent, int accepted, int deadLettered) {
            System.out.printf(
                    "[fault] %s: sent %d, accepted %d, stored %d, duplicates %d, lost %d,"
                            + " dead-lettered %d%n",
                    scenario,
                    sent,
                    accepted,
                    stored(),
                    duplicates(),
                    accepted - stored(),
                    deadLettered);
        }

        void assertExactlyOnceAndInOrder(int expected) {
            assertThat(stored()).isEqualTo(expected);
            assertThat(duplicates()).isZero();
            texts.forEach(
                    (consumer, order) ->
                            assertThat(order)
                                    .as("messages of " + consumer + " in arrival order")
                                    .containsExactly(
                                            "message 1",
                                            "message 2",
                                            "message 3",
                                            "message 4",
                                            "message 5"));
        }
    }

    /**
     * Waits until every accepted message is stored, or until one is dead-lettered (then it never
     * will be): either way the figures tell what happened.
     */
    private Figures awaitStored(int accepted) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> figures().stored() >= accepted || deadLettered() > 0);
        return figures();
    }

    private Figures figures() {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        try (Connection connection = POSTGRES.connect(DATABASE);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT author_id, platform_id, text FROM message"
                                        + " WHERE author_id LIKE ? ORDER BY seq")) {
            query.setString(1, "f" + run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    copies.merge(rows.getString("platform_id"), 1, Integer::sum);
                    texts.computeIfAbsent(rows.getString("author_id"), k -> new ArrayList<>())
                            .add(rows.getString("text"));
                }
            }
        } catch (SQLException notYetMigrated) {
            return new Figures(Map.of(), Map.of());
        }
        return new Figures(copies, texts);
    }
}
