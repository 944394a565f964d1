package org.socialsuite.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.Visibility;
import org.socialsuite.events.json.SocialEventReceivedDeserializer;
import org.socialsuite.ingest.Expected;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.ingest.webhook.facebook.FacebookWebhookParser;
import org.socialsuite.ingest.webhook.twitter.TwitterWebhookParser;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Every payload file, signed, through the real endpoint onto the real broker: what is published is
 * exactly what the parser tests check field by field, keyed by the conversation key; and unsigned
 * or forged, the same bodies publish nothing.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class WebhookPublishingTest {

    private static final FacebookWebhookParser FACEBOOK =
            new FacebookWebhookParser(id -> Expected.account(Channel.FACEBOOK, id));
    private static final TwitterWebhookParser TWITTER =
            new TwitterWebhookParser(id -> Expected.account(Channel.TWITTER, id));

    private TopicWatcher<SocialEventReceived> inbound;

    @BeforeEach
    void watchInbound() {
        inbound = TopicWatcher.open(Topics.INBOUND, new SocialEventReceivedDeserializer());
    }

    @AfterEach
    void close() {
        inbound.close();
    }

    static Stream<String> payloads() {
        return Stream.of(
                "facebook/messenger-text.json",
                "facebook/messenger-attachments-only.json",
                "facebook/messenger-text-and-attachment.json",
                "facebook/messenger-echo-and-signals.json",
                "facebook/feed-comment.json",
                "facebook/feed-reply-to-comment-sender-form.json",
                "facebook/feed-posts.json",
                "facebook/feed-lifecycle.json",
                "facebook/feed-brand-and-signals.json",
                "facebook/mixed-batch.json",
                "facebook/unknown-page.json",
                "twitter/mention.json",
                "twitter/reply-long-and-quote.json",
                "twitter/direct-messages.json",
                "twitter/deletes-and-signals.json",
                "twitter/unknown-account.json");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void publishesExactlyWhatTheParserReadsKeyedByConversation(String payload) {
        byte[] body = Payloads.read(payload);
        ParsedWebhook expected = expected(payload, body);

        signed(payload, body)
                .statusCode(200)
                .body("published", equalTo(expected.events().size()))
                .body("skipped", equalTo(expected.skipped().size()));

        // Published and acknowledged before the 200: all of it is on the topic now.
        List<ConsumerRecord<String, SocialEventReceived>> records = inbound.pollToEnd();
        assertThat(records).hasSize(expected.events().size());
        for (SocialEventReceived event : expected.events()) {
            ConsumerRecord<String, SocialEventReceived> record =
                    records.stream()
                            .filter(
                                    r ->
                                            r.value()
                                                            .platformEventId()
                                                            .equals(event.platformEventId())
                                                    && r.value()
                                                            .accountId()
                                                            .equals(event.accountId()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("not published: " + event));
            assertThat(record.key()).isEqualTo(event.conversationKey().toString());
            assertThat(record.value())
                    .usingRecursiveComparison()
                    .ignoringFields("eventId", "receivedAt")
                    .isEqualTo(event);
        }
    }

    @Test
    void forgedOrUnsignedRequestsPublishNothingWhateverTheBody() {
        payloads()
                .forEach(
                        payload -> {
                            byte[] body = Payloads.read(payload);
                            String path = path(payload);
                            String header = header(payload);
                            given().contentType(ContentType.JSON)
                                    .body(body)
                                    .post(path)
                                    .then()
                                    .statusCode(401);
                            given().contentType(ContentType.JSON)
                                    .header(
                                            header,
                                            payload.startsWith("facebook")
                                                    ? Payloads.facebookSignature("{}".getBytes())
                                                    : Payloads.twitterSignature("{}".getBytes()))
                                    .body(body)
                                    .post(path)
                                    .then()
                                    .statusCode(401)
                                    .body("error", equalTo("invalid_signature"));
                        });

        // A marker on a key the payloads use: anything published before it would arrive first.
        byte[] marker = Payloads.read("facebook/messenger-text.json");
        signed("facebook/messenger-text.json", marker).statusCode(200);
        List<ConsumerRecord<String, SocialEventReceived>> records = inbound.awaitRecords(1);
        assertThat(records).extracting(r -> r.value().platformId()).containsExactly("m_abc123");
        given().get("/q/metrics")
                .then()
                .body(
                        containsString(
                                "social_webhook_signature_failures_total{channel=\"FACEBOOK\""))
                .body(containsString("social_webhook_signature_failures_total{channel=\"TWITTER\""))
                .body(
                        containsString(
                                "social_webhook_publish_seconds_count{channel=\"FACEBOOK\",outcome=\"acknowledged\""))
                .body(
                        containsString(
                                "social_webhook_events_total{channel=\"FACEBOOK\",kind=\"PRIVATE_MESSAGE\",outcome=\"published\""));
    }

    @Test
    void aBatchOfAHundredMixedItemsPublishesExactlyTheExpectedEvents() {
        List<String> changes = new ArrayList<>();
        List<String> messaging = new ArrayList<>();
        Set<String> consumerComments = new HashSet<>();
        Set<String> consumerPosts = new HashSet<>();
        Set<String> consumerMessages = new HashSet<>();
        Set<String> brandItems = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            consumerComments.add("555_9" + i);
            changes.add(feed("comment", "555_9" + i, "70" + i, "Comment " + i));
        }
        for (int i = 0; i < 10; i++) {
            consumerPosts.add("1000001_8" + i);
            changes.add(feed("status", "1000001_8" + i, "71" + i, "Post " + i));
        }
        for (int i = 0; i < 5; i++) {
            brandItems.add("1000001_7" + i);
            changes.add(feed("status", "1000001_7" + i, "1000001", "Brand post " + i));
            brandItems.add("555_6" + i);
            changes.add(feed("comment", "555_6" + i, "1000001", "Brand comment " + i));
            changes.add(
                    """
                    {"field":"feed","value":{"item":"reaction","verb":"add","post_id":"1000001_555",\
                    "reaction_type":"like","from":{"id":"72%d"},"created_time":1767225600}}\
                    """
                            .formatted(i));
        }
        for (int i = 0; i < 25; i++) {
            consumerMessages.add("m_batch_" + i);
            messaging.add(message("80" + i, "1000001", "m_batch_" + i, false));
        }
        for (int i = 0; i < 10; i++) {
            brandItems.add("m_echo_" + i);
            messaging.add(message("1000001", "80" + i, "m_echo_" + i, true));
            messaging.add(
                    """
                    {"sender":{"id":"80%d"},"recipient":{"id":"1000001"},"timestamp":1767225600000,\
                    "delivery":{"mids":["m_echo_%d"],"watermark":1767225600000}}\
                    """
                            .formatted(i, i));
            messaging.add(
                    """
                    {"sender":{"id":"80%d"},"recipient":{"id":"1000001"},"timestamp":1767225600000,\
                    "read":{"watermark":1767225600000}}\
                    """
                            .formatted(i));
        }
        assertThat(changes.size() + messaging.size()).isEqualTo(100);
        byte[] body =
                ("{\"object\":\"page\",\"entry\":["
                                + "{\"id\":\"1000001\",\"time\":1767225600,\"changes\":["
                                + String.join(",", changes)
                                + "]},{\"id\":\"1000001\",\"time\":1767225600000,\"messaging\":["
                                + String.join(",", messaging)
                                + "]}]}")
                        .getBytes(StandardCharsets.UTF_8);

        signed("facebook/batch", body)
                .statusCode(200)
                .body("published", equalTo(75))
                .body("skipped", equalTo(25));

        List<SocialEventReceived> events =
                inbound.awaitRecords(75).stream().map(ConsumerRecord::value).toList();
        assertThat(events).hasSize(75);
        assertThat(
                        ids(
                                events,
                                e ->
                                        !e.fromBrand()
                                                && e.kind() == MessageKind.COMMENT
                                                && e.visibility() == Visibility.PUBLIC))
                .isEqualTo(consumerComments);
        assertThat(
                        ids(
                                events,
                                e ->
                                        !e.fromBrand()
                                                && e.kind() == MessageKind.POST
                                                && e.visibility() == Visibility.PUBLIC))
                .isEqualTo(consumerPosts);
        assertThat(
                        ids(
                                events,
                                e ->
                                        !e.fromBrand()
                                                && e.kind() == MessageKind.PRIVATE_MESSAGE
                                                && e.visibility() == Visibility.PRIVATE))
                .isEqualTo(consumerMessages);
        assertThat(ids(events, SocialEventReceived::fromBrand)).isEqualTo(brandItems);
    }

    private static Set<String> ids(
            List<SocialEventReceived> events, Predicate<SocialEventReceived> which) {
        return events.stream()
                .filter(which)
                .map(SocialEventReceived::platformId)
                .collect(Collectors.toSet());
    }

    private static String feed(String item, String id, String from, String text) {
        String ids =
                item.equals("comment")
                        ? "\"post_id\":\"1000001_555\",\"comment_id\":\"%s\",\"parent_id\":\"1000001_555\""
                                .formatted(id)
                        : "\"post_id\":\"%s\"".formatted(id);
        return """
        {"field":"feed","value":{"item":"%s","verb":"add",%s,"from":{"id":"%s"},\
        "message":"%s","created_time":1767225600}}\
        """
                .formatted(item, ids, from, text);
    }

    private static String message(String sender, String recipient, String mid, boolean echo) {
        return """
        {"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1767225600000,\
        "message":{"mid":"%s","text":"Hello"%s}}\
        """
                .formatted(sender, recipient, mid, echo ? ",\"is_echo\":true" : "");
    }

    @Test
    void theTwitterCrcCheckIsAnswered() {
        given().queryParam("crc_token", "crc-token-123")
                .get("/webhooks/twitter")
                .then()
                .statusCode(200)
                .body(
                        "response_token",
                        equalTo("sha256=BGkrHJ/TT90aWBMYd7nlwZxQzCkBYfOXuuPeTEt0G5k="));
        given().get("/webhooks/twitter").then().statusCode(400);
    }

    private static ParsedWebhook expected(String payload, byte[] body) {
        return payload.startsWith("facebook")
                ? FACEBOOK.parse(body, Expected.RECEIVED)
                : TWITTER.parse(body, Expected.RECEIVED);
    }

    private static ValidatableResponse signed(String payload, byte[] body) {
        String signature =
                payload.startsWith("facebook")
                        ? Payloads.facebookSignature(body)
                        : Payloads.twitterSignature(body);
        return given().contentType(ContentType.JSON)
                .header(header(payload), signature)
                .body(body)
                .post(path(payload))
                .then();
    }

    private static String path(String payload) {
        return payload.startsWith("facebook") ? "/webhooks/facebook" : "/webhooks/twitter";
    }

    private static String header(String payload) {
        return payload.startsWith("facebook")
                ? "X-Hub-Signature-256"
                : "x-twitter-webhooks-signature";
    }
}
