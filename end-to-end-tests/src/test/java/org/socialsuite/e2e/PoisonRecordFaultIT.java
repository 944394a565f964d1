package org.socialsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * A record that can never be applied goes to its topic's dead-letter twin with the reason in its
 * headers, and the partition keeps flowing: the valid record behind it, on the same key, is
 * applied.
 */
class PoisonRecordFaultIT {

    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment(System.getenv());

    private final RunningSuite suite = new RunningSuite();

    @AfterEach
    void stop() {
        suite.close();
    }

    @Test
    void anUnreadableInboundRecordIsDeadLetteredByEachConsumerAndTheNextOneApplied()
            throws Exception {
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        suite.startWithDatabase("conversation-service", "poison_conversation");
        suite.startWithDatabase(
                "profile-service",
                "poison_profile",
                Map.of(
                        "SOCIAL_FACEBOOK_GRAPH_URL", "http://127.0.0.1:9",
                        "SOCIAL_TWITTER_API_URL", "http://127.0.0.1:9"));
        suite.awaitReady();
        String psid = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "acme-facebook:" + psid;

        try (TopicWatcher<byte[]> deadLetters =
                TopicWatcher.open("social.inbound.v1.dlq", new ByteArrayDeserializer())) {
            TestEvents.publishRaw(
                    "social.inbound.v1", key, "{not json".getBytes(StandardCharsets.UTF_8));
            FacebookWebhooks.postSigned(
                            ingest,
                            FacebookWebhooks.messenger(psid, "m_" + psid, "behind the poison"))
                    .statusCode(200);

            // Each consumer of the topic dead-letters it once, with the reason.
            var dead = deadLetters.awaitRecords(2);
            assertThat(dead).hasSize(2).allSatisfy(record -> assertPoison(record, key));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("poison_conversation", "message", psid) == 1);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count("poison_profile", "consumer_profile", psid) == 1);
            System.out.printf(
                    "[fault] poison record: dead-lettered %d (one per consumer group), the next"
                            + " message stored%n",
                    deadLetters.poll().size());
        }
    }

    private static void assertPoison(ConsumerRecord<String, byte[]> record, String key) {
        assertThat(record.key()).isEqualTo(key);
        Header reason = record.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).isNotBlank();
    }

    private static int count(String database, String table, String consumerId) throws Exception {
        String column = table.equals("message") ? "author_id" : "consumer_id";
        try (Connection connection = POSTGRES.connect(database);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
            query.setString(1, consumerId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException notYetThere) {
            return -1;
        }
    }
}
