package org.socialsuite.conversation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.AgentApi;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ConversationEventDeserializer;
import org.socialsuite.support.replay.InboundReplay;
import org.socialsuite.testsupport.GroupProgress;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestKafka;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * The operator's replay of the last hour of social.inbound.v1, while the service runs: everything
 * already stored stays as it is (every event of every test of this JVM comes again), and a message
 * the database lost comes back.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class InboundReplayTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Inject Pool database;

    @Test
    void replayingTheLastHourChangesNothingStoredAndFillsWhatWasMissing() throws Exception {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        String consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        AgentApi api = new AgentApi(brand);
        List<SocialEventReceived> events =
                List.of(
                        InboundEvents.consumerMessage(
                                brand, consumer, MessageKind.COMMENT, "555_1" + brand, "first", T0),
                        InboundEvents.consumerMessage(
                                brand,
                                consumer,
                                MessageKind.PRIVATE_MESSAGE,
                                "m_2" + brand,
                                "second",
                                T0.plusSeconds(1)),
                        InboundEvents.consumerMessage(
                                brand,
                                consumer,
                                MessageKind.COMMENT,
                                "555_3" + brand,
                                "third",
                                T0.plusSeconds(2)));
        events.forEach(InboundEvents::publish);
        String id = api.awaitConversation(3);
        List<String> kept =
                api.transcript(id).extract().path("items.findAll { it.text != 'second' }.id");
        long stored = count("SELECT count(*) FROM message");

        // A gap: the second message is gone from the database, as a restore from a backup taken
        // before it would leave it, with the record that it was applied.
        SocialEventReceived lost = events.get(1);
        database.preparedQuery("DELETE FROM message WHERE account_id = $1 AND platform_id = $2")
                .execute(Tuple.of(lost.accountId(), lost.platformId()))
                .await()
                .indefinitely();
        database.preparedQuery("DELETE FROM processed_event WHERE platform_event_id = $1")
                .execute(Tuple.of(lost.platformEventId()))
                .await()
                .indefinitely();
        api.transcript(id).body("items.text", contains("first", "third"));

        Instant now = Instant.now();
        InboundReplay.Result replayed;
        List<ConversationEvent> announced;
        try (TopicWatcher<ConversationEvent> watcher =
                TopicWatcher.open(Topics.CONVERSATION, new ConversationEventDeserializer())) {
            replayed =
                    InboundReplay.replay(
                            kafka(), Topics.INBOUND, now.minus(Duration.ofHours(1)), now);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    api.transcript(id)
                                            .body(
                                                    "items.text",
                                                    contains("first", "second", "third")));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(count("SELECT count(*) FROM message"))
                                            .isEqualTo(stored));
            GroupProgress.awaitCommittedToEnd("conversation-service", Topics.INBOUND);
            announced = watcher.pollToEnd().stream().map(ConsumerRecord::value).toList();
        }
        assertThat(replayed.total()).isGreaterThanOrEqualTo(3);

        // The other two are the very rows they were, and no other conversation gained or lost a
        // message: every other replayed event was recognised as applied.
        assertThat(
                        api.transcript(id)
                                .extract()
                                .<List<String>>path("items.findAll { it.text != 'second' }.id"))
                .isEqualTo(kept);
        assertThat(
                        count(
                                "SELECT count(*) FROM processed_event WHERE platform_event_id = $1",
                                lost.platformEventId()))
                .isEqualTo(1);
        // Only the restored message was announced again.
        assertThat(announced)
                .singleElement()
                .isInstanceOfSatisfying(
                        MessageRecorded.class,
                        recorded -> assertThat(recorded.text()).isEqualTo("second"));
    }

    private long count(String sql, Object... parameters) {
        return database.preparedQuery(sql)
                .execute(Tuple.from(parameters))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong(0);
    }

    private static Properties kafka() {
        Properties kafka = new Properties();
        kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return kafka;
    }
}
