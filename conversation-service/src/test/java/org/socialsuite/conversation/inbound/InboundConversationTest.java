package org.socialsuite.conversation.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/** social.inbound.v1 on the real broker → conversations in the real database → the agent API. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class InboundConversationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** Each test its own brand, so lists and counts see only what the test made. */
    private String brand;

    private String consumer;

    @BeforeEach
    void newBrand() {
        TestClock.set(TestClock.START);
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        consumer = "psid-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMessengerMessageOpensAConversationWhoseTranscriptShowsTheIndicator() {
        InboundEvents.publish(message("m_1", "Hi, can you help? Grüße ☕", T0));

        String id = awaitConversationId();
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].direction", equalTo("INBOUND"))
                .body("items[0].visibility", equalTo("PRIVATE"))
                .body("items[0].kind", equalTo("PRIVATE_MESSAGE"))
                .body("items[0].channel", equalTo("FACEBOOK"))
                .body("items[0].action", equalTo("MESSAGED"))
                .body("items[0].author.id", equalTo(consumer))
                .body("items[0].text", equalTo("Hi, can you help? Grüße ☕"))
                .body("items[0].occurredAt", equalTo("2026-01-01T10:00:00Z"))
                .body("items[0].platformId", equalTo("m_1" + brand))
                .body("items[0].edited", equalTo(false))
                .body("items[0].deleted", equalTo(false))
                .body("items[0].deliveryStatus", nullValue());
        agent().get("/api/conversations/" + id)
                .then()
                .statusCode(200)
                .body("brandId", equalTo(brand))
                .body("accountId", equalTo(brand + "-facebook"))
                .body("consumer.id", equalTo(consumer))
                .body("status", equalTo("OPEN"))
                .body("defaultReplyMode", equalTo("PRIVATE"))
                .body("latestPublic", nullValue())
                .body("replyModes.mode", contains("PUBLIC", "PRIVATE", "PRIVATE_RESPONSE"))
                .body("replyModes.available", contains(false, true, false))
                .body("replyModes[1].availableUntil", equalTo("2026-01-02T10:00:00Z"));
    }

    @Test
    void publicAndPrivateMessagesOfOneConsumerShareAConversationAndTheLastSetsTheDefault() {
        InboundEvents.publish(message("m_2", "in private", T0));
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand,
                        consumer,
                        MessageKind.COMMENT,
                        "555_777",
                        "in public",
                        T0.plusSeconds(60)));

        String id = awaitConversationId();
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items.visibility", contains("PRIVATE", "PUBLIC"))
                                        .body("items.action", contains("MESSAGED", "COMMENTED")));
        agent().get("/api/conversations/" + id)
                .then()
                .body("defaultReplyMode", equalTo("PUBLIC"))
                .body("latestPublic.platformId", equalTo("555_777"))
                .body("consumer.name", equalTo("Ann Lee"));
        agent().get("/api/conversations")
                .then()
                .body("items", hasSize(1))
                .body("items[0].lastMessage.text", equalTo("in public"))
                .body("items[0].lastMessage.visibility", equalTo("PUBLIC"));
    }

    @Test
    void editsHidingAndRemovalAreMirroredAndTheOldTextIsKept() {
        SocialEventReceived comment =
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.COMMENT, "555_1" + brand, "first words", T0);
        InboundEvents.publish(comment);
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        comment, LifecycleAction.EDITED, "second words", T0.plusSeconds(60)));
        String id = awaitConversationId();
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items[0].text", equalTo("second words"))
                                        .body("items[0].edited", equalTo(true))
                                        .body(
                                                "items[0].previousVersions.text",
                                                contains("first words")));

        InboundEvents.publish(
                InboundEvents.lifecycle(
                        comment, LifecycleAction.HIDDEN, null, T0.plusSeconds(120)));
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items[0].hidden", equalTo(true)));
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        comment, LifecycleAction.UNHIDDEN, null, T0.plusSeconds(180)));
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        comment, LifecycleAction.DELETED, null, T0.plusSeconds(240)));
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items", hasSize(1))
                                        .body("items[0].hidden", equalTo(false))
                                        .body("items[0].deleted", equalTo(true))
                                        .body("items[0].text", nullValue())
                                        .body("items[0].previousVersions", hasSize(0)));
    }

    @Test
    void lifecycleActionsThatArriveBeforeTheirOriginalStillApply() {
        SocialEventReceived removed = comment("555_e1", "take this back", T0);
        SocialEventReceived hidden = comment("555_e2", "hide me", T0.plusSeconds(1));
        SocialEventReceived shown = comment("555_e3", "hidden, then shown", T0.plusSeconds(2));
        SocialEventReceived edited = comment("555_e4", "first draft", T0.plusSeconds(3));
        // Each action first, then the item it is about (a network's retry reorders them so).
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        removed, LifecycleAction.DELETED, null, T0.plusSeconds(60)));
        InboundEvents.publish(removed);
        InboundEvents.publish(
                InboundEvents.lifecycle(hidden, LifecycleAction.HIDDEN, null, T0.plusSeconds(60)));
        InboundEvents.publish(hidden);
        // Unhide arrives before the hide it undoes, and both before the comment: the later wins.
        InboundEvents.publish(
                InboundEvents.lifecycle(shown, LifecycleAction.UNHIDDEN, null, T0.plusSeconds(90)));
        InboundEvents.publish(
                InboundEvents.lifecycle(shown, LifecycleAction.HIDDEN, null, T0.plusSeconds(60)));
        InboundEvents.publish(shown);
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        edited, LifecycleAction.EDITED, "final words", T0.plusSeconds(60)));
        InboundEvents.publish(edited);

        String id = awaitConversationId();
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items", hasSize(4))
                                        .body("items[0].deleted", equalTo(true))
                                        .body("items[0].text", nullValue())
                                        .body("items[1].hidden", equalTo(true))
                                        .body("items[1].deleted", equalTo(false))
                                        .body("items[2].hidden", equalTo(false))
                                        .body("items[3].text", equalTo("final words")));
        // What its author removed is not the conversation's preview either.
        agent().get("/api/conversations?status=OPEN")
                .then()
                .body("items[0].lastMessage.text", equalTo("final words"));
    }

    private SocialEventReceived comment(String platformId, String text, Instant at) {
        return InboundEvents.consumerMessage(
                brand, consumer, MessageKind.COMMENT, platformId + brand, text, at);
    }

    @Test
    void theBrandsOwnPostIsContextAndNeverOpensAConversation() throws Exception {
        String post = "1000001_555" + brand;
        InboundEvents.publish(InboundEvents.brandPost(brand, post, "Spring sale"));
        // Proof the post was applied before anything is asserted about it: its context row.
        await().until(() -> exists("brand_item", "platform_id", post));
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand,
                        consumer,
                        MessageKind.COMMENT,
                        "555_2" + brand,
                        "Is it online too?",
                        T0));

        String id = awaitConversationId();
        agent().get("/api/conversations").then().body("items", hasSize(1));
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .body("items.text", contains("Is it online too?"));
    }

    @Test
    void oldBookkeepingIsPurgedWhileDeduplicationHoldsInsideTheWindow() throws Exception {
        InboundEvents.publish(message("m_12", "once only", T0));
        String id = awaitConversationId();

        // Bookkeeping from three weeks ago goes at the next purge...
        String old = "old-" + brand;
        Instant threeWeeksAgo = Instant.now().minus(Duration.ofDays(21));
        execute(
                "INSERT INTO processed_event (platform_event_id, processed_at) VALUES (?, ?)",
                old,
                threeWeeksAgo);
        execute(
                "INSERT INTO early_lifecycle (id, deleted, received_at) VALUES (?, true, ?)",
                old,
                threeWeeksAgo);
        await().until(
                        () ->
                                !exists("processed_event", "platform_event_id", old)
                                        && !exists("early_lifecycle", "id", old));

        // ...while the event applied a moment ago is remembered: sent again, it changes nothing.
        InboundEvents.publish(message("m_12", "once only", T0));
        InboundEvents.publish(message("m_13", "marker", T0.plusSeconds(1)));
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items.text", contains("once only", "marker")));
    }

    private static void execute(String sql, String key, Instant at) throws Exception {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            statement.setTimestamp(2, java.sql.Timestamp.from(at));
            statement.executeUpdate();
        }
    }

    private static boolean exists(String table, String column, String key) throws Exception {
        try (Connection connection = database();
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Connection database() throws Exception {
        return PostgresServer.fromEnvironment(System.getenv()).connect("conversation_test");
    }

    @Test
    void aProfileUpdateRenamesTheConsumerEverywhere() {
        InboundEvents.publish(message("m_9", "who am I?", T0));
        String id = awaitConversationId();

        TestEvents.publish(
                Topics.PROFILE,
                "FACEBOOK:" + consumer,
                new ConsumerProfileUpdated(
                        Channel.FACEBOOK,
                        consumer,
                        brand + "-facebook",
                        "Ann Lee",
                        null,
                        "https://example.invalid/ann.jpg",
                        null,
                        "en_GB",
                        0.0,
                        null,
                        null,
                        null,
                        null,
                        T0));

        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id)
                                        .then()
                                        .body("consumer.name", equalTo("Ann Lee")));
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .body("items[0].author.name", equalTo("Ann Lee"));
    }

    @Test
    void aProfileAnnouncedBeforeTheFirstMessageNamesTheConversationItOpens() throws Exception {
        // profile-service learnt the consumer from the event and announced the name before this
        // service stored the event (another topic, another consumer): the name must not be lost.
        TestEvents.publish(
                Topics.PROFILE,
                "FACEBOOK:" + consumer,
                new ConsumerProfileUpdated(
                        Channel.FACEBOOK,
                        consumer,
                        brand + "-facebook",
                        "Chen Wei",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        T0));
        await().until(() -> exists("known_consumer", "id", brand + "-facebook|" + consumer));

        InboundEvents.publish(message("m_14", "where is my parcel?", T0));
        String id = awaitConversationId();
        agent().get("/api/conversations/" + id).then().body("consumer.name", equalTo("Chen Wei"));
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .body("items[0].author.name", equalTo("Chen Wei"));
    }

    @Test
    void aCommentThenAMessengerMessageMakeOneConversationThatDefaultsToPrivate() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.COMMENT, "555_3" + brand, "in public", T0));
        InboundEvents.publish(message("m_10", "in private", T0.plusSeconds(60)));

        String id = awaitConversationId();
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items.visibility", contains("PUBLIC", "PRIVATE"))
                                        .body(
                                                "items.kind",
                                                contains("COMMENT", "PRIVATE_MESSAGE")));
        agent().get("/api/conversations/" + id).then().body("defaultReplyMode", equalTo("PRIVATE"));
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        SocialEventReceived first = message("m_3", "once", T0);
        InboundEvents.publish(first);
        InboundEvents.publish(first);
        InboundEvents.publish(first);
        // Same key, same partition: once the third is stored, the duplicate has been handled.
        InboundEvents.publish(message("m_4", "twice", T0.plusSeconds(1)));

        String id = awaitConversationId();
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items.text", contains("once", "twice")));
    }

    @Test
    void afterCloseTheConsumersNextMessageReopensItOrOnceTheWindowHasPassedOpensANewOne() {
        InboundEvents.publish(message("m_5", "first", T0));
        String first = awaitConversationId();

        // Another brand's agent cannot even see it, let alone close it.
        given().header("Authorization", AgentTokens.bearer("another-" + brand))
                .post("/api/conversations/" + first + "/close")
                .then()
                .statusCode(404);
        agent().get("/api/conversations/" + first).then().body("status", equalTo("OPEN"));

        agent().post("/api/conversations/" + first + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        InboundEvents.publish(message("m_6", "again", T0.plusSeconds(3600)));
        await().untilAsserted(
                        () ->
                                agent().get("/api/conversations?status=OPEN")
                                        .then()
                                        .body("items.id", contains(first)));

        // Closed again, and the consumer writes after the reopen window (7 days).
        agent().post("/api/conversations/" + first + "/close").then().statusCode(200);
        TestClock.set(TestClock.START.plus(Duration.ofDays(8)));
        try {
            InboundEvents.publish(message("m_7", "a week later", T0.plus(Duration.ofDays(8))));
            await().untilAsserted(
                            () ->
                                    agent().get("/api/conversations?status=OPEN")
                                            .then()
                                            .body("items", hasSize(1))
                                            .body("items.id", not(contains(first))));
        } finally {
            TestClock.set(TestClock.START);
        }
        agent().get("/api/conversations?status=CLOSED").then().body("items.id", contains(first));
    }

    @Test
    void theListPagesWithACursorAndFiltersByChannel() {
        for (int i = 0; i < 3; i++) {
            InboundEvents.publish(
                    InboundEvents.consumerMessage(
                            brand,
                            "psid-page-" + i,
                            MessageKind.PRIVATE_MESSAGE,
                            "m_p" + i + brand,
                            "n" + i,
                            T0));
        }
        await().untilAsserted(
                        () -> agent().get("/api/conversations").then().body("items", hasSize(3)));

        String cursor =
                agent().get("/api/conversations?limit=2")
                        .then()
                        .body("items", hasSize(2))
                        .extract()
                        .path("nextCursor");
        agent().get("/api/conversations?limit=2&cursor=" + cursor)
                .then()
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        agent().get("/api/conversations?channel=TWITTER").then().body("items", hasSize(0));
        agent().get("/api/conversations?channel=CARRIER_PIGEON")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"));
        agent().get("/api/conversations?cursor=garbage").then().statusCode(400);
    }

    @Test
    void anotherBrandSeesNothingAndNoTokenGetsNothing() {
        InboundEvents.publish(message("m_7", "secret", T0));
        String id = awaitConversationId();

        given().header("Authorization", AgentTokens.bearer("someone-else"))
                .get("/api/conversations/" + id + "/messages")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        given().header("Authorization", AgentTokens.bearer("someone-else"))
                .get("/api/conversations/" + id)
                .then()
                .statusCode(404);
        given().header("Authorization", AgentTokens.bearer("someone-else"))
                .get("/api/conversations")
                .then()
                .body("items", hasSize(0));
        given().get("/api/conversations/" + id).then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token")
                .get("/api/conversations")
                .then()
                .statusCode(401);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        try (TopicWatcher<byte[]> dlq =
                TopicWatcher.open(Topics.deadLetter(Topics.INBOUND), (topic, bytes) -> bytes)) {
            String key = brand + "-facebook:" + consumer;
            TestEvents.publishRaw(
                    Topics.INBOUND, key, "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8));
            InboundEvents.publish(message("m_8", "still heard", T0));

            var dead = dlq.awaitRecords(1).get(0);
            assertThat(dead.key()).isEqualTo(key);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"not\":\"an event\"}");
            assertThat(headers(dead))
                    .containsEntry("dead-letter-topic", Topics.INBOUND)
                    .containsEntry(
                            "dead-letter-reason",
                            "social.inbound.v1: Invalid SocialEventReceived: eventId is required");
            String id = awaitConversationId();
            agent().get("/api/conversations/" + id + "/messages")
                    .then()
                    .body("items.text", contains("still heard"));
        }
    }

    @Test
    void aReadableEventThatCannotBeStoredIsDeadLetteredAloneAndItsNeighboursStored() {
        try (TopicWatcher<byte[]> dlq =
                TopicWatcher.open(Topics.deadLetter(Topics.INBOUND), (topic, bytes) -> bytes)) {
            // PostgreSQL refuses a NUL character in text: this event reads well but can never be
            // applied. Its neighbours on the same key, published with it, are one batch with it.
            SocialEventReceived unstorable = message("m_10", "broken \u0000 text", T0);
            TestEvents.publishTogether(
                    Topics.INBOUND,
                    unstorable.conversationKey().toString(),
                    List.of(
                            message("m_9", "before", T0),
                            unstorable,
                            message("m_11", "after", T0.plusSeconds(1))));

            var dead = dlq.awaitRecords(1).get(0);
            assertThat(dead.key()).isEqualTo(unstorable.conversationKey().toString());
            assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                    .contains(unstorable.platformEventId());
            assertThat(headers(dead))
                    .containsEntry("dead-letter-topic", Topics.INBOUND)
                    .hasEntrySatisfying(
                            "dead-letter-reason", reason -> assertThat(reason).isNotBlank());
            String id = awaitConversationId();
            await().untilAsserted(
                            () ->
                                    agent().get("/api/conversations/" + id + "/messages")
                                            .then()
                                            .body("items.text", contains("before", "after")));
            assertThat(dlq.poll()).hasSize(1);
        }
    }

    @Test
    void healthIsUpWithKafkaAndTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.hasItems(
                                "Kafka connection health check",
                                "Reactive PostgreSQL connections health check"));
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers()
                .forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private SocialEventReceived message(String mid, String text, Instant at) {
        return InboundEvents.consumerMessage(
                brand, consumer, MessageKind.PRIVATE_MESSAGE, mid + brand, text, at);
    }

    private String awaitConversationId() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent().get("/api/conversations?status=OPEN")
                                        .then()
                                        .body("items", hasSize(1)));
        return agent().get("/api/conversations?status=OPEN").then().extract().path("items[0].id");
    }

    private RequestSpecification agent() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }
}
