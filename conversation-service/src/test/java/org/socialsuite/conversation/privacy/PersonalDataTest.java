package org.socialsuite.conversation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.AgentApi;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ConversationEventDeserializer;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TopicWatcher;
import org.socialsuite.testsupport.TwitterTextCases;

/**
 * Personal data in public: flagged once as a consumer's message arrives, stored, announced and
 * shown; the toggle suggests a private answer; a public reply that would publish it is refused
 * unless confirmed; and a draft is measured by the same rules while the agent types.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class PersonalDataTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private String brand;
    private String consumer;
    private AgentApi api;
    private TopicWatcher<ConversationEvent> announced;

    @Inject PersonalDataScanner scanner;

    @BeforeEach
    void setUp() {
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        api = new AgentApi(brand);
        TestClock.set(T0.plus(Duration.ofHours(1)));
        announced = TopicWatcher.open(Topics.CONVERSATION, new ConversationEventDeserializer());
    }

    @AfterEach
    void tearDown() {
        announced.close();
        TestClock.set(TestClock.START);
    }

    @Test
    void aPublicCommentShowingAPhoneNumberIsFlaggedAnnouncedAndAnsweredPrivately() {
        SocialEventReceived comment =
                InboundEvents.consumerMessage(
                        brand,
                        consumer,
                        MessageKind.COMMENT,
                        "555_1" + brand,
                        "Still no refund!! Call me on +49 151 23456789",
                        T0);
        InboundEvents.publish(comment);
        String id = api.awaitConversation(1);

        api.transcript(id).body("items[0].personalData", contains("PHONE"));
        MessageRecorded recorded =
                (MessageRecorded)
                        announced
                                .awaitRecord(
                                        event ->
                                                event instanceof MessageRecorded m
                                                        && m.conversationId().equals(id))
                                .value();
        assertThat(recorded.personalData()).containsExactly(PersonalDataKind.PHONE);
        // The toggle would start on Public (the consumer's last visibility): it suggests a
        // Private Response instead, which answers that very comment, and says why.
        detail(id)
                .body("defaultReplyMode", equalTo("PUBLIC"))
                .body("suggestion.mode", equalTo("PRIVATE_RESPONSE"))
                .body("suggestion.reason", containsString("shows their phone number"))
                .body("suggestion.reason", containsString("hide the comment"));

        // The consumer edits the number out: the flag and the suggestion go.
        InboundEvents.publish(
                InboundEvents.lifecycle(
                        comment, LifecycleAction.EDITED, "Still no refund!!", T0.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> api.transcript(id).body("items[0].personalData", empty()));
        detail(id).body("suggestion", nullValue());
    }

    @Test
    void aPrivateMessageIsBetweenTheConsumerAndTheBrand() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand,
                        consumer,
                        MessageKind.PRIVATE_MESSAGE,
                        "m_1" + brand,
                        "my email is ann.lee@example.com",
                        T0));
        String id = api.awaitConversation(1);

        api.transcript(id).body("items[0].personalData", empty());
        detail(id).body("suggestion", nullValue());
    }

    @Test
    void aPublicReplyThatWouldPublishPersonalDataIsRefusedUnlessConfirmed() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand,
                        consumer,
                        MessageKind.COMMENT,
                        "555_2" + brand,
                        "My parcel never came",
                        T0));
        String id = api.awaitConversation(1);
        String text = "So sorry! Call us on (415) 555-2671 or write to care@example.com";

        reply(id, text, "PUBLIC", false)
                .statusCode(409)
                .body("error", equalTo("personal_data"))
                .body(
                        "message",
                        equalTo(
                                "Would publish personal data: email address, phone number. Send it"
                                        + " privately, or confirm that it may be public"));
        api.transcript(id).body("items.size()", equalTo(1));

        reply(id, text, "PRIVATE_RESPONSE", false).statusCode(202);
        reply(id, text, "PUBLIC", true).statusCode(202).body("visibility", equalTo("PUBLIC"));
        // The agent's own words are never flagged: only a consumer's public message is.
        api.transcript(id).body("items.personalData.flatten()", empty());
    }

    @Test
    void aDraftIsMeasuredByTheRulesItsReplyWillMeet() {
        InboundEvents.publish(
                InboundEvents.tweet(
                        brand, consumer, MessageKind.POST, "9001" + brand, "@acme hi", T0));
        String id = api.awaitConversation(1);
        int mention = "@bob ".length();

        // Every case of the shared table, as the workspace's counter is held to it too.
        for (TwitterTextCases.Case c : TwitterTextCases.ALL) {
            check(id, c.text(), "PUBLIC")
                    .statusCode(200)
                    .body("length", equalTo(c.weightedLength() + mention))
                    .body("limit", equalTo(280))
                    .body("weighted", equalTo(true))
                    .body("withMention", equalTo(true));
        }
        check(id, "x".repeat(275), "PUBLIC").body("problem", nullValue());
        check(id, "x".repeat(276), "PUBLIC")
                .body("problem", containsString("with its mention; this one weighs 281"));
        // A Direct Message counts characters, and may hold what a public reply may not.
        check(id, "write to care@example.com", "PRIVATE")
                .body("weighted", equalTo(false))
                .body("length", equalTo(25))
                .body("limit", equalTo(10_000))
                .body("personalData", empty());
        check(id, "write to care@example.com", "PUBLIC").body("personalData", contains("EMAIL"));
        api.transcript(id).body("items.size()", equalTo(1));
    }

    @Test
    void theDemoBrandsOrderNumbersAreReadFromConfiguration() {
        assertThat(scanner.scan("acme", "order acme-123456 never came"))
                .containsExactly(PersonalDataKind.ORDER_NUMBER);
        assertThat(scanner.scan("globex", "Bestellung GX20261130"))
                .containsExactly(PersonalDataKind.ORDER_NUMBER);
        assertThat(scanner.scan("globex", "order ACME-123456")).isEmpty();
    }

    private ValidatableResponse detail(String id) {
        return api.request().get("/api/conversations/" + id).then().statusCode(200);
    }

    private ValidatableResponse reply(String id, String text, String mode, boolean confirmed) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("mode", mode);
        body.put("personalDataConfirmed", confirmed);
        return api.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/conversations/" + id + "/replies")
                .then();
    }

    private ValidatableResponse check(String id, String text, String mode) {
        return api.request()
                .contentType(ContentType.JSON)
                .body(Map.of("text", text, "mode", mode))
                .post("/api/conversations/" + id + "/replies/check")
                .then();
    }
}
