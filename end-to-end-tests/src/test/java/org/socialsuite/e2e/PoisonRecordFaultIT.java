package org.socialsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.ReplyTarget;
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

    /**
     * The other inputs, each read by one consumer group: the reply results and profile updates
     * conversation-service applies, and the reply commands outbound-service sends. Behind each
     * poison record, on its key (so on its partition), a valid record whose effect the test sees.
     * (social.conversation.v1 is read only for the live stream, by a group per instance that starts
     * at the end: a record it cannot read is skipped there, since dead-lettering it would copy it
     * once per instance and nothing is stored from it.)
     */
    @Test
    void anUnreadableRecordOnEveryOtherInputIsDeadLetteredAndTheNextOneApplied() throws Exception {
        ServiceProcess ingest = suite.start("ingest-service", Map.of());
        ServiceProcess conversations =
                suite.startWithDatabase("conversation-service", "poison_conversation");
        suite.startWithDatabase(
                "outbound-service",
                "poison_outbound",
                Map.of(
                        "SOCIAL_FACEBOOK_GRAPH_URL", "http://127.0.0.1:9",
                        "SOCIAL_TWITTER_API_URL", "http://127.0.0.1:9"));
        suite.awaitReady();
        String psid = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        FacebookWebhooks.postSigned(
                        ingest,
                        FacebookWebhooks.messenger(
                                "1000001", psid, "m_" + psid, "Hello", System.currentTimeMillis()))
                .statusCode(200);
        AgentApi agent = new AgentApi(conversations);
        String conversation = agent.awaitConversationOf(psid);
        String reply = agent.reply(conversation, "One moment please");

        poisonThenValid(
                "social.profile.v1",
                "acme-facebook:" + psid,
                new ConsumerProfileUpdated(
                        Channel.FACEBOOK,
                        psid,
                        "acme-facebook",
                        "Ann Behind-the-Poison",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Instant.now()),
                () ->
                        "Ann Behind-the-Poison"
                                .equals(
                                        agent.conversation(conversation)
                                                .getString("consumer.name")));
        poisonThenValid(
                "social.outbound.result.v1",
                conversation,
                new ReplyResult(
                        reply,
                        conversation,
                        DeliveryOutcome.FAILED,
                        null,
                        "551",
                        "Refused behind the poison",
                        1,
                        Instant.now()),
                () -> "FAILED".equals(agent.deliveryStatus(conversation, reply)));
        String command = UUID.randomUUID().toString();
        String commandConversation = UUID.randomUUID().toString();
        poisonThenValid(
                "social.outbound.requested.v1",
                commandConversation,
                // The Messenger window closed long ago: it fails at once, without the network.
                new ReplyRequested(
                        command,
                        commandConversation,
                        "acme-facebook",
                        "acme",
                        Channel.FACEBOOK,
                        ReplyMode.PRIVATE,
                        "Behind the poison",
                        new ReplyTarget(
                                psid,
                                null,
                                "m_" + psid,
                                null,
                                Instant.now().minus(Duration.ofDays(8))),
                        "acme-agent",
                        Instant.now()),
                () -> "FAILED".equals(status("poison_outbound", command)));
    }

    /**
     * Publishes an unreadable record and then a valid one on the same key: the first is
     * dead-lettered once with its reason, the second applied and never dead-lettered.
     */
    private static void poisonThenValid(
            String topic, String key, Object valid, Callable<Boolean> applied) throws Exception {
        try (TopicWatcher<byte[]> deadLetters =
                TopicWatcher.open(topic + ".dlq", new ByteArrayDeserializer())) {
            TestEvents.publishRaw(topic, key, "{not json".getBytes(StandardCharsets.UTF_8));
            TestEvents.publish(topic, key, valid);

            assertPoison(deadLetters.awaitRecords(1).get(0), key);
            await().atMost(Duration.ofSeconds(60)).until(applied);
            assertThat(deadLetters.poll()).as("dead-lettered on " + topic).hasSize(1);
            System.out.printf(
                    "[fault] poison record on %s: dead-lettered 1, the next record applied%n",
                    topic);
        }
    }

    private static String status(String database, String replyId) throws Exception {
        try (Connection connection = POSTGRES.connect(database);
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT status FROM delivery WHERE reply_id = ?")) {
            query.setString(1, replyId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
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
