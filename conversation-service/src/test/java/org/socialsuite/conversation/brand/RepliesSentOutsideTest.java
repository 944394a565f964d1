package org.socialsuite.conversation.brand;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.AgentApi;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;

/**
 * What the brand sends from the network's own tools shows in the consumer's conversation, and our
 * own replies' echoes never show twice, whichever arrives first: the echo or the delivery result.
 * (No outbound-service runs here: replies stay PENDING until a test publishes their result.)
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class RepliesSentOutsideTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private String brand;
    private String consumer;
    private AgentApi agent;

    @BeforeEach
    void setUp() {
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        agent = new AgentApi(brand);
        TestClock.set(T0.plus(Duration.ofHours(1)));
    }

    @AfterEach
    void tearDown() {
        TestClock.set(TestClock.START);
    }

    @Test
    void whatThePageSentFromFacebookShowsAsSentOutsideTheWorkspace() {
        String comment = "555_1" + brand;
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.COMMENT, comment, "Broken zip", T0));
        String id = agent.awaitConversation(1);

        // Someone at the brand answers in the comments and in Messenger from Facebook itself.
        InboundEvents.publish(
                InboundEvents.pageComment(
                        brand, "555_2" + brand, comment, "Sorry! Check your DMs"));
        InboundEvents.publish(
                InboundEvents.echo(brand, consumer, "m_inbox" + brand, "Here is a return label"));

        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body("items", hasSize(3))
                                        .body("items[1].direction", equalTo("OUTBOUND"))
                                        .body("items[1].visibility", equalTo("PUBLIC"))
                                        .body("items[1].text", equalTo("Sorry! Check your DMs"))
                                        .body("items[2].visibility", equalTo("PRIVATE"))
                                        .body("items[2].replyMode", equalTo("PRIVATE"))
                                        .body("items.sentOutside", contains(false, true, true))
                                        .body(
                                                "items.deliveryStatus",
                                                contains(null, "SENT", "SENT"))
                                        .body("items.author.name[1]", equalTo("AcmeCare")));
        agent.request().get("/api/conversations").then().body("items", hasSize(1));
    }

    @Test
    void ourTweetsEchoBeforeItsResultConfirmsTheReplyByItsText() {
        String tweet = "1900" + Math.abs(brand.hashCode());
        InboundEvents.publish(
                InboundEvents.tweet(
                        brand, consumer, MessageKind.POST, tweet, "@AcmeCare late", T0));
        String id = agent.awaitConversation(1);
        String reply = agent.reply(id, "We are on it", "PUBLIC", null).extract().path("id");

        // The network's copy carries the @mention outbound-service put before the text.
        InboundEvents.publish(
                InboundEvents.brandTweet(
                        brand, consumer, "1901" + tweet, tweet, "@bob We are on it"));
        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body("items", hasSize(2))
                                        .body("items[1].id", equalTo(reply))
                                        .body("items[1].deliveryStatus", equalTo("SENT"))
                                        .body("items[1].platformId", equalTo("1901" + tweet))
                                        .body("items[1].sentOutside", equalTo(false)));

        publishResult(reply, id, DeliveryOutcome.SENT, "1901" + tweet);
        awaitResultsPublishedSoFar(id, "PUBLIC");
        agent.transcript(id)
                .body("items", hasSize(3))
                .body("items[1].id", equalTo(reply))
                .body("items[1].deliveryStatus", equalTo("SENT"))
                .body("items[1].platformId", equalTo("1901" + tweet));
    }

    @Test
    void anEchoThatReadsDifferentlyIsMergedIntoTheReplyWhenItsResultComes() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_1" + brand, "hi", T0));
        String id = agent.awaitConversation(1);
        String reply =
                agent.reply(id, "See https://acme.example/help", "PRIVATE", null)
                        .extract()
                        .path("id");

        // Messenger's copy has the link rewritten: taken, for now, for a message sent outside.
        InboundEvents.publish(
                InboundEvents.echo(
                        brand, consumer, "m_out" + brand, "See https://l.facebook.com/l.php?u=x"));
        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body("items.sentOutside", contains(false, false, true)));

        publishResult(reply, id, DeliveryOutcome.SENT, "m_out" + brand);
        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body("items", hasSize(2))
                                        .body("items[1].id", equalTo(reply))
                                        .body("items[1].platformId", equalTo("m_out" + brand))
                                        .body("items[1].deliveryStatus", equalTo("SENT")));
    }

    @Test
    void anEchoSettlesADeliveryWhoseOutcomeWasUnknown() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_2" + brand, "hi", T0));
        String id = agent.awaitConversation(1);
        String reply = agent.reply(id, "Hello Ann", "PRIVATE", null).extract().path("id");
        publishResult(reply, id, DeliveryOutcome.DELIVERY_UNKNOWN, null);
        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body(
                                                "items[1].deliveryStatus",
                                                equalTo("DELIVERY_UNKNOWN")));

        InboundEvents.publish(InboundEvents.echo(brand, consumer, "m_late" + brand, "Hello Ann"));
        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body("items", hasSize(2))
                                        .body("items[1].deliveryStatus", equalTo("SENT"))
                                        .body("items[1].platformId", equalTo("m_late" + brand)));
    }

    @Test
    void anUnknownOutcomeReportedAfterTheEchoNeverTakesTheReplyBack() {
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand, consumer, MessageKind.PRIVATE_MESSAGE, "m_3" + brand, "hi", T0));
        String id = agent.awaitConversation(1);
        String reply =
                agent.reply(id, "Your refund is on its way", "PRIVATE", null).extract().path("id");
        // outbound-service died mid-call; the network had taken the message and echoes it...
        InboundEvents.publish(
                InboundEvents.echo(brand, consumer, "m_on" + brand, "Your refund is on its way"));
        await().untilAsserted(
                        () ->
                                agent.transcript(id)
                                        .body("items[1].deliveryStatus", equalTo("SENT")));
        // ...before the restarted service reports the interrupted call as unknown.
        publishResult(reply, id, DeliveryOutcome.DELIVERY_UNKNOWN, null);
        awaitResultsPublishedSoFar(id, "PRIVATE");
        agent.transcript(id)
                .body("items[1].id", equalTo(reply))
                .body("items[1].deliveryStatus", equalTo("SENT"))
                .body("items[1].platformId", equalTo("m_on" + brand))
                .body("items[1].failureReason", equalTo(null));
    }

    /**
     * A marker reply's result, published now on the conversation's key: once it is applied, every
     * result published before it on that partition has been too. The marker is the transcript's
     * last message, FAILED.
     */
    private void awaitResultsPublishedSoFar(String conversation, String mode) {
        String marker = agent.reply(conversation, "Marker", mode, null).extract().path("id");
        publishResult(marker, conversation, DeliveryOutcome.FAILED, null);
        await().untilAsserted(
                        () ->
                                agent.transcript(conversation)
                                        .body(
                                                "items.find { it.id == '"
                                                        + marker
                                                        + "' }.deliveryStatus",
                                                equalTo("FAILED")));
    }

    private static void publishResult(
            String reply, String conversation, DeliveryOutcome outcome, String platformId) {
        TestEvents.publish(
                Topics.OUTBOUND_RESULT,
                conversation,
                new ReplyResult(
                        reply,
                        conversation,
                        outcome,
                        platformId,
                        null,
                        outcome == DeliveryOutcome.SENT ? null : "Timed out",
                        1,
                        T0));
    }
}
