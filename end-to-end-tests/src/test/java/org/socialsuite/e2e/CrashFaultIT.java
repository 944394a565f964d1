package org.socialsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.kafka.KafkaBroker;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.TestKafka;

/**
 * A crash and a hung broker in the middle of a burst: conversation-service killed (-9) and started
 * again, and the broker frozen for 20 s (SIGSTOP) and let go. Every webhook ingest answered 200 for
 * is stored exactly once; one it answered 503 for is sent again afterwards, as the networks do, and
 * then stored too. Each scenario prints a line of figures.
 */
class CrashFaultIT {

    private static final boolean FULL = "full".equals(System.getenv("FAULT_SCALE"));
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());
    private static final String DATABASE = "crash_conversation";

    private final RunningSuite suite = new RunningSuite();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void stop() {
        suite.close();
    }

    @Test
    void conversationServiceKilledMidBurstLosesAndDoublesNothing() throws Exception {
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        ServiceProcess conversations = suite.startWithDatabase("conversation-service", DATABASE);
        suite.awaitReady();
        int webhooks = FULL ? 5_000 : 1_000;

        Future<Burst> burst =
                Executors.newSingleThreadExecutor().submit(() -> send(ingest, webhooks));
        await().atMost(Duration.ofMinutes(2)).until(() -> stored() >= webhooks / 4);
        conversations.kill();
        suite.restart(conversations);
        Burst sent = burst.get(5, TimeUnit.MINUTES);
        sent.resendRefused(ingest);

        Figures figures = awaitStored(webhooks);
        figures.print("conversation-service killed mid-burst", sent);
        assertThat(figures.stored()).isEqualTo(webhooks);
        assertThat(figures.duplicates()).isZero();
    }

    @Test
    void theBrokerFrozenFor20SecondsMidBurstLosesNothingAndIngestRecoversByItself()
            throws Exception {
        KafkaBroker broker = TestKafka.ownBroker();
        Assumptions.assumeTrue(broker != null, "the broker is external: not ours to freeze");
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        suite.startWithDatabase("conversation-service", DATABASE);
        suite.awaitReady();
        int webhooks = FULL ? 2_000 : 400;

        Burst before = send(ingest, 0, webhooks / 2);
        await().atMost(Duration.ofMinutes(2)).until(() -> stored() >= webhooks / 2);
        // The second half arrives while the broker hangs: ingest must refuse (503), never accept
        // and lose.
        broker.freeze();
        long frozenAt = System.nanoTime();
        Future<Burst> during =
                Executors.newSingleThreadExecutor()
                        .submit(() -> send(ingest, webhooks / 2, webhooks));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> System.nanoTime() - frozenAt >= TimeUnit.SECONDS.toNanos(20));
        } finally {
            broker.thaw();
        }
        Burst after = during.get(5, TimeUnit.MINUTES);
        await().atMost(Duration.ofMinutes(1)).until(ingest::isReady);
        before.resendRefused(ingest);
        after.resendRefused(ingest);

        Figures figures = awaitStored(webhooks);
        figures.print("broker frozen 20 s mid-burst", before.plus(after));
        assertThat(after.sent() - after.accepted().get())
                .as("webhooks refused while the broker hung")
                .isPositive();
        assertThat(figures.stored()).isEqualTo(webhooks);
        assertThat(figures.duplicates()).isZero();
    }

    /** What the burst sent, and the webhooks ingest refused (to send again, as a network would). */
    private record Burst(int sent, AtomicInteger accepted, Queue<String> refused) {

        Burst plus(Burst other) {
            Queue<String> all = new ConcurrentLinkedQueue<>(refused);
            all.addAll(other.refused);
            return new Burst(
                    sent + other.sent,
                    new AtomicInteger(accepted.get() + other.accepted.get()),
                    all);
        }

        void resendRefused(ServiceProcess ingest) {
            for (String body = refused.poll(); body != null; body = refused.poll()) {
                String again = body;
                await().atMost(Duration.ofMinutes(1))
                        .until(
                                () ->
                                        FacebookWebhooks.postSigned(ingest, again)
                                                        .extract()
                                                        .statusCode()
                                                == 200);
            }
        }
    }

    private Burst send(ServiceProcess ingest, int webhooks) throws Exception {
        return send(ingest, 0, webhooks);
    }

    /** Webhooks {@code from..to-1}, one Messenger message each, from 8 writers at once. */
    private Burst send(ServiceProcess ingest, int from, int to) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        Queue<String> refused = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String psid = "c" + run + "-" + (i % 200);
                String body =
                        FacebookWebhooks.messenger(psid, "m_" + run + "_" + i, "message " + i);
                all.add(
                        writers.submit(
                                () -> {
                                    int status =
                                            FacebookWebhooks.postSigned(ingest, body)
                                                    .extract()
                                                    .statusCode();
                                    if (status == 200) {
                                        accepted.incrementAndGet();
                                    } else {
                                        refused.add(body);
                                    }
                                }));
            }
            for (Future<?> writer : all) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }
        return new Burst(to - from, accepted, refused);
    }

    private record Figures(int stored, int duplicates) {
        void print(String scenario, Burst burst) {
            System.out.printf(
                    "[fault] %s: sent %d, accepted %d, refused with 503 and sent again %d,"
                            + " stored %d, duplicates %d, lost %d%n",
                    scenario,
                    burst.sent(),
                    burst.accepted().get(),
                    burst.sent() - burst.accepted().get(),
                    stored,
                    duplicates,
                    burst.sent() - stored);
        }
    }

    private Figures awaitStored(int expected) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> stored() >= expected);
        return figures();
    }

    private int stored() {
        return figures().stored();
    }

    private Figures figures() {
        try (Connection connection = POSTGRES.connect(DATABASE);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT count(DISTINCT platform_id), count(*) FROM message"
                                        + " WHERE platform_id LIKE ?")) {
            query.setString(1, "m_" + run + "_%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Figures(row.getInt(1), row.getInt(2) - row.getInt(1));
            }
        } catch (java.sql.SQLException notYetMigrated) {
            return new Figures(0, 0);
        }
    }
}
