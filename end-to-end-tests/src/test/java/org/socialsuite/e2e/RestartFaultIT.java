package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;

/**
 * A routine restart (every rollout is one): the services stop gracefully and start again on a
 * broker that kept its data, and the first message after readiness is stored (how soon is printed,
 * and measured by the benchmark, not asserted). Readiness waits for the consumer groups to be
 * joined, and a stopped service leaves its groups, so nothing waits for the broker to time the old
 * members out.
 */
class RestartFaultIT {

    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());
    private static final String DATABASE = "restart_conversation";

    private final RunningSuite suite = new RunningSuite();

    @AfterEach
    void stop() {
        suite.close();
    }

    @Test
    void afterACleanRestartReadinessMeansConsumingAndTheFirstMessageIsStored() {
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        ServiceProcess conversations = suite.startWithDatabase("conversation-service", DATABASE);
        suite.awaitReady();
        String psid = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        send(ingest, psid, "before the restart");
        awaitListed(conversations, psid);

        ingest = suite.restart(ingest);
        conversations = suite.restart(conversations);
        suite.awaitReady();
        // Ready means every input's consumer group is joined, not merely that the HTTP port
        // answers.
        given().baseUri(conversations.baseUrl())
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'Kafka consumer groups joined' }.data.waiting",
                        equalTo(""));

        long ready = System.nanoTime();
        String again = "again-" + UUID.randomUUID().toString().substring(0, 8);
        send(ingest, again, "after the restart");
        long accepted = (System.nanoTime() - ready) / 1_000_000;
        awaitStored(again);
        long millis = (System.nanoTime() - ready) / 1_000_000;
        // Printed, not asserted: how long it takes is the benchmark's to measure.
        System.out.printf(
                "[fault] restart: first webhook accepted %d ms, its message stored %d ms after"
                        + " readiness%n",
                accepted, millis);

        long next = System.nanoTime();
        String third = "next-" + UUID.randomUUID().toString().substring(0, 8);
        send(ingest, third, "and the next one");
        awaitStored(third);
        System.out.printf(
                "[fault] restart: the next message stored in %d ms%n",
                (System.nanoTime() - next) / 1_000_000);
    }

    private static void send(ServiceProcess ingest, String psid, String text) {
        FacebookWebhooks.postSigned(
                        ingest, FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), text))
                .statusCode(200);
    }

    /** Stored means in the database: what the agent's first request costs is not the point. */
    private static void awaitStored(String psid) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> {
                            try (Connection connection = POSTGRES.connect(DATABASE);
                                    PreparedStatement query =
                                            connection.prepareStatement(
                                                    "SELECT 1 FROM message WHERE author_id = ?")) {
                                query.setString(1, psid);
                                return query.executeQuery().next();
                            }
                        });
    }

    private static void awaitListed(ServiceProcess conversations, String psid) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(
                        () ->
                                given().baseUri(conversations.baseUrl())
                                        .header("Authorization", AgentTokens.bearer("acme"))
                                        .get("/api/conversations?status=OPEN")
                                        .then()
                                        .body("items.consumer.id", hasItem(psid)));
    }
}
