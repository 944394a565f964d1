package org.socialsuite.insight.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.ConversationAssigned;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.events.ConversationEvent.DeliveryStatusChanged;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Topics;
import org.socialsuite.events.Visibility;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.GroupProgress;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Three conversations on the real broker become the brand's figures in the real database; the same
 * events again, in another order, change none of them.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "insight_test"))
class InsightTest {

    @Inject Pool database;

    /** 11:00 in Berlin on 2 March; the Twitter DM comes the next day. */
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** Seconds and shares read as doubles (REST Assured reads JSON decimals as floats). */
    private static final RestAssuredConfig DOUBLES =
            RestAssuredConfig.config()
                    .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    private static final String PERIOD = "from=2026-03-02&to=2026-03-03&zone=Europe/Berlin";

    @Test
    void aBrandsConversationsBecomeItsFiguresAndTheSameEventsAgainChangeNone() {
        Story story = new Story("brand-" + UUID.randomUUID());
        story.events.forEach(story::publish);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> summary(story.brand).body("replies.sent", equalTo(3)));
        assertFigures(story.brand);

        // A replay: every event again, each conversation's events backwards (a PENDING after its
        // SENT, a reply before its question), read to the topic's end.
        for (int i = story.events.size() - 1; i >= 0; i--) {
            story.publish(story.events.get(i));
        }
        GroupProgress.awaitCommittedToEnd("insight-service", Topics.CONVERSATION);
        assertFigures(story.brand);
    }

    @Test
    void eventsThatComeBackwardsOneByOneGiveTheSameFigures() {
        // Each conversation's events newest first, each applied before the next is sent: every
        // poll brings a fact earlier than those already derived from.
        Story story = new Story("brand-" + UUID.randomUUID());
        for (int i = story.events.size() - 1; i >= 0; i--) {
            ConversationEvent event = story.events.get(i);
            story.publish(event);
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(event));
        }
        assertFigures(story.brand);
    }

    /** The event's fact is stored (a PENDING older than the status it has is stored as that). */
    private boolean applied(ConversationEvent event) {
        String sql;
        String key;
        if (event instanceof MessageRecorded message) {
            sql = "SELECT count(*) FROM message_fact WHERE message_id = $1";
            key = message.messageId();
        } else if (event instanceof DeliveryStatusChanged delivery) {
            sql = "SELECT count(*) FROM delivery_fact WHERE message_id = $1";
            key = delivery.messageId();
        } else if (event instanceof ConversationClosed closed) {
            sql = "SELECT count(*) FROM closure_fact WHERE conversation_id = $1";
            key = closed.conversationId();
        } else {
            return true;
        }
        return database.preparedQuery(sql)
                        .execute(Tuple.of(key))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getLong(0)
                > 0;
    }

    private void assertFigures(String brand) {
        summary(brand)
                .body("period.from", equalTo("2026-03-02"))
                .body("period.to", equalTo("2026-03-03"))
                .body("period.zone", equalTo("Europe/Berlin"))
                // The Facebook comments' waits: 300 s (the second comment waited with the first)
                // and 720 s (the first reply failed; the second answered).
                .body("responses", hasSize(3))
                .body("responses[0].channel", equalTo("FACEBOOK"))
                .body("responses[0].visibility", equalTo("PRIVATE"))
                .body("responses[0].waits", equalTo(1))
                .body("responses[0].answered", equalTo(1))
                .body("responses[0].medianSeconds", closeTo(120.0, 0.001))
                .body("responses[1].visibility", equalTo("PUBLIC"))
                .body("responses[1].waits", equalTo(2))
                .body("responses[1].answered", equalTo(2))
                .body("responses[1].medianSeconds", closeTo(510.0, 0.001))
                .body("responses[1].p90Seconds", closeTo(678.0, 0.001))
                .body("responses[2].channel", equalTo("TWITTER"))
                .body("responses[2].waits", equalTo(1))
                .body("responses[2].answered", equalTo(0))
                .body("responses[2].medianSeconds", nullValue())
                // Two conversations began in public: one moved to private after 20 minutes, the
                // other was closed in public.
                .body("publicConversations", hasSize(1))
                .body("publicConversations[0].channel", equalTo("FACEBOOK"))
                .body("publicConversations[0].conversations", equalTo(2))
                .body("publicConversations[0].movedToPrivate", equalTo(1))
                .body("publicConversations[0].movedShare", closeTo(0.5, 0.001))
                .body("publicConversations[0].medianSecondsToPrivate", closeTo(1200.0, 0.001))
                .body("publicConversations[0].closed", equalTo(2))
                .body("publicConversations[0].resolvedInPublic", equalTo(1))
                .body("publicConversations[0].publicResolutionRate", closeTo(0.5, 0.001))
                .body("replies.sent", equalTo(3))
                .body("replies.failed", equalTo(1))
                .body("replies.unknown", equalTo(0))
                .body("replies.pending", equalTo(0))
                .body("replies.failureReasons", hasSize(1))
                .body("replies.failureReasons[0].reason", equalTo("(#200) Permissions error"))
                .body("replies.failureReasons[0].replies", equalTo(1));

        daily(brand, AgentTokens.bearer(brand))
                .body("days.day", contains("2026-03-02", "2026-03-03"))
                .body("days[0].waits", equalTo(3))
                .body("days[0].answered", equalTo(3))
                .body("days[0].medianResponseSeconds", closeTo(300.0, 0.001))
                .body("days[0].publicConversations", equalTo(2))
                .body("days[0].movedToPrivate", equalTo(1))
                .body("days[0].sent", equalTo(3))
                .body("days[0].failed", equalTo(1))
                .body("days[1].waits", equalTo(1))
                .body("days[1].answered", equalTo(0))
                .body("days[1].medianResponseSeconds", nullValue())
                .body("days[1].sent", equalTo(0));

        agents(brand, AgentTokens.adminBearer(brand))
                .body("everyone", equalTo(true))
                .body("agents.agentId", contains("agent-1", "agent-2"))
                .body("agents[0].replies", equalTo(3))
                .body("agents[0].sent", equalTo(2))
                .body("agents[0].failed", equalTo(1))
                .body("agents[0].answered", equalTo(2))
                .body("agents[0].medianResponseSeconds", closeTo(510.0, 0.001))
                .body("agents[1].replies", equalTo(1))
                .body("agents[1].answered", equalTo(1))
                .body("agents[1].medianResponseSeconds", closeTo(120.0, 0.001));
        // An agent sees their own row only.
        agents(brand, AgentTokens.bearer(brand, "agent-2"))
                .body("everyone", equalTo(false))
                .body("agents.agentId", contains("agent-2"));
    }

    @Test
    void anotherBrandsAgentSeesNothingOfIt() {
        Story story = new Story("brand-" + UUID.randomUUID());
        story.events.forEach(story::publish);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> summary(story.brand).body("replies.sent", equalTo(3)));

        String other = "brand-" + UUID.randomUUID();
        summary(other)
                .body("responses", hasSize(0))
                .body("publicConversations", hasSize(0))
                .body("replies.sent", equalTo(0));
        agents(other, AgentTokens.adminBearer(other)).body("agents", hasSize(0));
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheNextAppliedWhatever() {
        String brand = "brand-" + UUID.randomUUID();
        Story story = new Story(brand, "poisoned");
        try (TopicWatcher<byte[]> deadLetters =
                TopicWatcher.open(Topics.CONVERSATION + ".dlq", new ByteArrayDeserializer())) {
            TestEvents.publishRaw(
                    Topics.CONVERSATION, story.conversation("poisoned"), "{not json".getBytes());
            story.publish(story.inbound(Channel.FACEBOOK, Visibility.PUBLIC, T0));

            deadLetters.awaitRecord(value -> new String(value).equals("{not json"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> summary(brand).body("responses[0].waits", equalTo(1)));
        }
    }

    @Test
    void aPeriodIsWholeDaysInAnIanaZone() {
        String brand = "brand-" + UUID.randomUUID();
        request(AgentTokens.bearer(brand), "/summary?from=2026-03-02&to=2026-03-01")
                .statusCode(400);
        request(AgentTokens.bearer(brand), "/summary?zone=%2B02:00").statusCode(400);
        request(AgentTokens.bearer(brand), "/summary?from=2025-01-01&to=2026-03-01")
                .statusCode(400);
        request(AgentTokens.bearer(brand), "/daily?zone=Europe/Berlin")
                .statusCode(200)
                .body("days", hasSize(Period.DEFAULT_DAYS));
        given().when().get("/api/insights/summary").then().statusCode(401);
    }

    private static ValidatableResponse summary(String brand) {
        return summary(brand, PERIOD);
    }

    private static ValidatableResponse summary(String brand, String period) {
        return request(AgentTokens.bearer(brand), "/summary?" + period).statusCode(200);
    }

    private static ValidatableResponse daily(String brand, String bearer) {
        return request(bearer, "/daily?" + PERIOD).statusCode(200);
    }

    private static ValidatableResponse agents(String brand, String bearer) {
        return request(bearer, "/agents?" + PERIOD).statusCode(200);
    }

    private static ValidatableResponse request(String bearer, String path) {
        return given().config(DOUBLES)
                .header("Authorization", bearer)
                .when()
                .get("/api/insights" + path)
                .then();
    }

    /** A brand's conversations as conversation-service announces them. */
    private static final class Story {

        final String brand;
        final String prefix;
        final List<ConversationEvent> events = new ArrayList<>();

        Story(String brand) {
            this(brand, "story");
            // A Facebook comment thread that moves to Messenger, then is closed.
            String a = conversation("a");
            events.add(inbound(a, Channel.FACEBOOK, Visibility.PUBLIC, T0));
            events.add(inbound(a, Channel.FACEBOOK, Visibility.PUBLIC, T0.plusSeconds(60)));
            events.add(
                    new ConversationAssigned(
                            a, brand, "agent-1", null, "agent-1", T0.plusSeconds(90)));
            String replyA =
                    reply(a, Channel.FACEBOOK, ReplyMode.PUBLIC, "agent-1", T0.plusSeconds(300));
            delivered(a, replyA, "SENT", null, T0.plusSeconds(301));
            events.add(inbound(a, Channel.FACEBOOK, Visibility.PRIVATE, T0.plusSeconds(1200)));
            String privateA =
                    reply(a, Channel.FACEBOOK, ReplyMode.PRIVATE, "agent-2", T0.plusSeconds(1320));
            delivered(a, privateA, "SENT", null, T0.plusSeconds(1321));
            events.add(new ConversationClosed(a, brand, "agent-2", T0.plusSeconds(1800)));

            // A comment whose first reply the network refused; the second answered it, in public.
            String b = conversation("b");
            Instant asked = T0.plus(Duration.ofHours(1));
            events.add(inbound(b, Channel.FACEBOOK, Visibility.PUBLIC, asked));
            String refused =
                    reply(b, Channel.FACEBOOK, ReplyMode.PUBLIC, "agent-1", asked.plusSeconds(600));
            delivered(b, refused, "FAILED", "(#200) Permissions error", asked.plusSeconds(602));
            String answered =
                    reply(b, Channel.FACEBOOK, ReplyMode.PUBLIC, "agent-1", asked.plusSeconds(720));
            delivered(b, answered, "SENT", null, asked.plusSeconds(721));
            events.add(
                    new ConversationClosed(b, brand, "agent-1", asked.plus(Duration.ofHours(1))));

            // A direct message on X the next day, not answered yet.
            events.add(
                    inbound(
                            conversation("c"),
                            Channel.TWITTER,
                            Visibility.PRIVATE,
                            T0.plus(Duration.ofDays(1))));
        }

        Story(String brand, String prefix) {
            this.brand = brand;
            this.prefix = prefix;
        }

        String conversation(String name) {
            return brand + "-" + prefix + "-" + name;
        }

        void publish(ConversationEvent event) {
            TestEvents.publish(Topics.CONVERSATION, event.conversationId(), event);
        }

        MessageRecorded inbound(Channel channel, Visibility visibility, Instant at) {
            return inbound(conversation("single"), channel, visibility, at);
        }

        MessageRecorded inbound(
                String conversation, Channel channel, Visibility visibility, Instant at) {
            return message(
                    conversation, channel, MessageDirection.INBOUND, visibility, null, null, at);
        }

        String reply(
                String conversation, Channel channel, ReplyMode mode, String agent, Instant at) {
            Visibility visibility =
                    mode == ReplyMode.PUBLIC ? Visibility.PUBLIC : Visibility.PRIVATE;
            MessageRecorded reply =
                    message(
                            conversation,
                            channel,
                            MessageDirection.OUTBOUND,
                            visibility,
                            agent,
                            mode,
                            at);
            events.add(reply);
            events.add(
                    new DeliveryStatusChanged(
                            conversation, brand, reply.messageId(), "PENDING", null, null, at));
            return reply.messageId();
        }

        void delivered(
                String conversation, String messageId, String status, String reason, Instant at) {
            events.add(
                    new DeliveryStatusChanged(
                            conversation,
                            brand,
                            messageId,
                            status,
                            "SENT".equals(status) ? "platform-" + messageId : null,
                            reason,
                            at));
        }

        private MessageRecorded message(
                String conversation,
                Channel channel,
                MessageDirection direction,
                Visibility visibility,
                String agent,
                ReplyMode mode,
                Instant at) {
            return new MessageRecorded(
                    conversation,
                    brand,
                    "account-" + channel,
                    channel,
                    UUID.randomUUID().toString(),
                    direction,
                    visibility,
                    visibility == Visibility.PUBLIC
                            ? MessageKind.COMMENT
                            : MessageKind.PRIVATE_MESSAGE,
                    "text",
                    at,
                    at.plusMillis(150),
                    List.of(),
                    agent,
                    mode,
                    false);
        }
    }
}
