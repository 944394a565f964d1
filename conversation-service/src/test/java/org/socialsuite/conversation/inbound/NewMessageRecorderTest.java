package org.socialsuite.conversation.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ConversationEventDeserializer;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.support.tracing.EventSpans;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * The set-based path for a poll of new consumer messages, given whole batches directly (the
 * consumer decides how records fall into polls; here the test does), on the real database and
 * broker.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class NewMessageRecorderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Inject NewMessageRecorder recorder;

    private String brand;
    private TopicWatcher<ConversationEvent> announced;

    @BeforeEach
    void newBrand() {
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        announced = TopicWatcher.open(Topics.CONVERSATION, new ConversationEventDeserializer());
    }

    @AfterEach
    void close() {
        announced.close();
    }

    @Test
    void aBatchWithDuplicatesInsideItStoresEachItemOnce() {
        SocialEventReceived first = message("ann", "m_1", "hello", T0);
        SocialEventReceived second = message("ann", "m_2", "are you there?", T0.plusSeconds(1));

        record(List.of(first, first, second, InboundEvents.underAnotherEventId(first), second));

        String id = conversationOf("ann");
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .body("items.text", org.hamcrest.Matchers.contains("hello", "are you there?"));

        // The same batch again (a redelivered poll) changes nothing, then a marker.
        record(List.of(first, second));
        record(List.of(message("ann", "m_3", "marker", T0.plusSeconds(2))));
        agent().get("/api/conversations/" + id + "/messages").then().body("items", hasSize(3));
        // Announced once each, in order: on one key, anything extra would precede the marker.
        assertThat(announcedTexts("ann", 3)).containsExactly("hello", "are you there?", "marker");
    }

    @Test
    void aBatchTouchingTheSameConversationsManyTimesKeepsTheirOrderAndTheirFacts() {
        List<SocialEventReceived> batch = new ArrayList<>();
        // All in one instant: only the order of the batch tells them apart.
        for (int n = 0; n < 120; n++) {
            String consumer = n % 3 == 0 ? "ann" : n % 3 == 1 ? "bob" : "cyd";
            batch.add(message(consumer, "m_" + n, "message " + n, T0));
        }
        // Ann's last word is a public comment: the toggle then defaults to Public.
        batch.add(
                InboundEvents.consumerMessage(
                        brand, "ann", MessageKind.COMMENT, "555_9" + brand, "in public", T0));

        record(batch);

        String ann = conversationOf("ann");
        JsonPath transcript = page(ann, "?limit=200");
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 120; n += 3) {
            expected.add("message " + n);
        }
        expected.add("in public");
        assertThat(transcript.getList("items.text", String.class))
                .containsExactlyElementsOf(expected);
        agent().get("/api/conversations/" + ann)
                .then()
                .body("defaultReplyMode", equalTo("PUBLIC"))
                .body("latestPublic.platformId", equalTo("555_9" + brand))
                .body("consumer.name", equalTo("Ann Lee"));
        agent().get("/api/conversations?limit=10")
                .then()
                .body("items", hasSize(3))
                .body(
                        "items.find { it.consumer.id == 'bob' }.lastMessage.text",
                        equalTo("message 118"));
        assertThat(page(conversationOf("cyd"), "?limit=200").getList("items")).hasSize(40);
        // One announcement per message, in the batch's order within the conversation.
        assertThat(announcedTexts("ann", 41)).containsExactlyElementsOf(expected);
    }

    @Test
    void aMessageForAConversationAlreadyOpenJoinsItAndMovesItsFacts() {
        record(List.of(message("ann", "m_a", "first, privately", T0)));
        String id = conversationOf("ann");

        record(
                List.of(
                        InboundEvents.consumerMessage(
                                brand,
                                "ann",
                                MessageKind.COMMENT,
                                "555_a" + brand,
                                "then in public",
                                T0.plusSeconds(60))));

        agent().get("/api/conversations").then().body("items", hasSize(1));
        agent().get("/api/conversations/" + id)
                .then()
                .body("defaultReplyMode", equalTo("PUBLIC"))
                .body("status", equalTo("OPEN"));
        agent().get("/api/conversations/" + id + "/messages").then().body("items", hasSize(2));
    }

    @Test
    void aBatchWithOnePoisonedRecordKeepsNothingSoItCanBeAppliedOneByOne() throws Exception {
        SocialEventReceived good = message("ann", "m_good", "fine text", T0);
        SocialEventReceived poisoned = message("bob", "m_bad", "nul \u0000 inside", T0);

        assertThatThrownBy(() -> record(List.of(good, poisoned))).hasMessageContaining("0x00");

        // Rolled back as a whole: not even the good event counts as processed.
        assertThat(processed(good.platformEventId())).isFalse();
        agent().get("/api/conversations").then().body("items", hasSize(0));
        record(List.of(good));
        agent().get("/api/conversations/" + conversationOf("ann") + "/messages")
                .then()
                .body("items.text", org.hamcrest.Matchers.contains("fine text"));
    }

    private void record(List<SocialEventReceived> batch) {
        recorder.recordAll(batch, EventSpans.none()).await().atMost(Duration.ofSeconds(30));
    }

    private SocialEventReceived message(String consumer, String mid, String text, Instant at) {
        return InboundEvents.consumerMessage(
                brand, consumer, MessageKind.PRIVATE_MESSAGE, mid + brand, text, at);
    }

    /** The texts announced in the consumer's conversation, in topic order, once there are n. */
    private List<String> announcedTexts(String consumer, int n) {
        String conversation = conversationOf(consumer);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> texts(announced.poll(), conversation).size() >= n);
        return texts(announced.poll(), conversation);
    }

    private static List<String> texts(
            List<ConsumerRecord<String, ConversationEvent>> records, String conversation) {
        return records.stream()
                .map(ConsumerRecord::value)
                .filter(event -> event.conversationId().equals(conversation))
                .filter(MessageRecorded.class::isInstance)
                .map(event -> ((MessageRecorded) event).text())
                .toList();
    }

    private String conversationOf(String consumer) {
        return agent().get("/api/conversations?limit=10")
                .then()
                .extract()
                .path("items.find { it.consumer.id == '" + consumer + "' }.id");
    }

    private JsonPath page(String id, String query) {
        return agent().get("/api/conversations/" + id + "/messages" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static boolean processed(String platformEventId) throws Exception {
        try (Connection db =
                        PostgresServer.fromEnvironment(System.getenv())
                                .connect("conversation_test");
                PreparedStatement query =
                        db.prepareStatement(
                                "SELECT 1 FROM processed_event WHERE platform_event_id = ?")) {
            query.setString(1, platformEventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private RequestSpecification agent() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }
}
