package org.socialsuite.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.support.network.HmacSignature;

/**
 * The simulator plays both networks faithfully: consumer actions become signed webhooks in the
 * networks' formats, and the brands' API calls meet the networks' rules and refusals.
 */
@QuarkusTest
@WithTestResource(IngestStub.class)
class SimulatedNetworksTest {

    private static final String PAGE_TOKEN = "Bearer dev-acme-page-token";
    private static final String TWITTER_TOKEN = "Bearer dev-acme-twitter-token";

    @BeforeEach
    void setUp() {
        IngestStub.server().resetRequests();
    }

    @Test
    void aConsumersCommentBecomesASignedFeedWebhookWithEscapedText() {
        String post =
                console("/facebook/posts", "{\"pageId\":\"1000001\",\"text\":\"Autumn range\"}");
        String comment =
                console(
                        "/facebook/comments",
                        "{\"personId\":\"8002\",\"parentId\":\""
                                + post
                                + "\",\"text\":\"¿Dónde está mi pedido?\"}");

        LoggedRequest webhook = awaitWebhook("/webhooks/facebook", comment);
        String body = webhook.getBodyAsString();
        assertThat(body)
                .contains("\"comment_id\":\"" + comment + "\"", "\"parent_id\":\"" + post + "\"");
        assertThat(body)
                .contains("\\u00bfD\\u00f3nde est\\u00e1 mi pedido?")
                .doesNotContain("Dónde");
        assertThat(body).contains("\"from\":{\"id\":\"8002\",\"name\":\"Bruno D\\u00edaz\"}");
        String expected =
                "sha256="
                        + HexFormat.of()
                                .formatHex(
                                        HmacSignature.hmac(
                                                "HmacSHA256",
                                                "dev-facebook-app-secret",
                                                webhook.getBody()));
        assertThat(webhook.getHeader("X-Hub-Signature-256")).isEqualTo(expected);
    }

    @Test
    void messengerFollowsTheWindowsAndPrivateResponsesGoOncePerComment() {
        console(
                "/facebook/messages",
                "{\"pageId\":\"1000001\",\"personId\":\"8001\",\"text\":\"Hi\"}");
        send("{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Hello!\"}}")
                .statusCode(200)
                .body("recipient_id", equalTo("8001"))
                .body("message_id", notNullValue());
        awaitWebhook("/webhooks/facebook", "\"is_echo\":true");

        console(
                "/facebook/messenger/age",
                "{\"pageId\":\"1000001\",\"personId\":\"8001\",\"hours\":30}");
        send("{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Late\"}}")
                .statusCode(400)
                .body("error.code", equalTo(10))
                .body("error.error_subcode", equalTo(2018278));
        send("{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\",\"message\":{\"text\":\"Tagged\"}}")
                .statusCode(200);
        console(
                "/facebook/messenger/age",
                "{\"pageId\":\"1000001\",\"personId\":\"8001\",\"hours\":150}");
        send("{\"recipient\":{\"id\":\"8001\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"HUMAN_AGENT\",\"message\":{\"text\":\"Too"
                 + " late\"}}")
                .statusCode(400)
                .body("error.code", equalTo(10));

        String post = console("/facebook/posts", "{\"pageId\":\"1000001\",\"text\":\"News\"}");
        String comment =
                console(
                        "/facebook/comments",
                        "{\"personId\":\"8003\",\"parentId\":\"" + post + "\",\"text\":\"Help\"}");
        String privateResponse =
                "{\"recipient\":{\"comment_id\":\""
                        + comment
                        + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"DM us\"}}";
        send(privateResponse).statusCode(200).body("recipient_id", equalTo("8003"));
        send(privateResponse).statusCode(400).body("error.code", equalTo(10900));

        given().header("Authorization", "Bearer forged")
                .contentType(ContentType.JSON)
                .body(privateResponse)
                .post("/facebook/1000001/messages")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(190))
                .body("error.type", equalTo("OAuthException"));
    }

    @Test
    void aCommentAnsweredFromThePageInboxCannotBeAnsweredPrivatelyAgain() {
        String post = console("/facebook/posts", "{\"pageId\":\"1000001\",\"text\":\"Sale\"}");
        String comment =
                console(
                        "/facebook/comments",
                        "{\"personId\":\"8004\",\"parentId\":\""
                                + post
                                + "\",\"text\":\"Price?\"}");

        console(
                "/facebook/page-inbox",
                "{\"commentId\":\"" + comment + "\",\"text\":\"Sent you the price\"}");

        assertThat(awaitWebhook("/webhooks/facebook", "Sent you the price").getBodyAsString())
                .contains("\"is_echo\":true", "\"app_id\":263902037430900");
        send("{\"recipient\":{\"comment_id\":\""
                        + comment
                        + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"DM us\"}}")
                .statusCode(400)
                .body("error.code", equalTo(10900));
    }

    @Test
    void aPublicReplyToAReplyNestsUnderItsCommentAndIsEchoed() {
        String post = console("/facebook/posts", "{\"pageId\":\"1000001\",\"text\":\"Sale\"}");
        String comment =
                console(
                        "/facebook/comments",
                        "{\"personId\":\"8001\",\"parentId\":\""
                                + post
                                + "\",\"text\":\"Price?\"}");
        String reply =
                console(
                        "/facebook/comments",
                        "{\"personId\":\"8002\",\"parentId\":\"" + comment + "\",\"text\":\"+1\"}");

        String answer =
                given().header("Authorization", PAGE_TOKEN)
                        .contentType(ContentType.JSON)
                        .body("{\"message\":\"From 9.99\"}")
                        .post("/facebook/" + reply + "/comments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");

        String echo = awaitWebhook("/webhooks/facebook", answer).getBodyAsString();
        assertThat(echo)
                .contains(
                        "\"parent_id\":\"" + comment + "\"",
                        "\"from\":{\"id\":\"1000001\",\"name\":\"AcmeCare\"}");
        given().get(
                        "/facebook/"
                                + answer
                                + "?fields=message,from,created_time,parent,permalink_url")
                .then()
                .body("parent.id", equalTo(comment))
                .body("created_time", equalTo("2026-01-01T12:00:00+0000"));
        given().get("/facebook/" + post + "?fields=message,from,created_time,parent,permalink_url")
                .then()
                .statusCode(400)
                .body("error.code", equalTo(100));
        given().get("/facebook/8003?fields=first_name,last_name,profile_pic,locale,timezone")
                .then()
                .body("first_name", equalTo("Priya"))
                .body("timezone", equalTo(5.5f));
        given().get("/facebook/8004?fields=first_name,last_name,profile_pic,locale,timezone")
                .then()
                .body("locale", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void twitterRepliesMeetTheLengthRuleAndDirectMessagesTheQuota() {
        String mention =
                console(
                        "/twitter/tweets",
                        "{\"brandUserId\":\"2000001\",\"personId\":\"9001\",\"text\":\"late"
                                + " parcel\"}");
        LoggedRequest webhook = awaitWebhook("/webhooks/twitter", mention);
        assertThat(webhook.getBodyAsString())
                .contains(
                        "\"for_user_id\":\"2000001\"",
                        "\"text\":\"@AcmeCare late parcel\"",
                        "\"favourites_count\":77");
        String signature =
                "sha256="
                        + Base64.getEncoder()
                                .encodeToString(
                                        HmacSignature.hmac(
                                                "HmacSHA256",
                                                "dev-twitter-consumer-secret",
                                                webhook.getBody()));
        assertThat(webhook.getHeader("x-twitter-webhooks-signature")).isEqualTo(signature);

        tweet(
                        "{\"text\":\"@bob "
                                + "é".repeat(300)
                                + "\",\"reply\":{\"in_reply_to_tweet_id\":\""
                                + mention
                                + "\"}}")
                .statusCode(400)
                .body("title", equalTo("Invalid Request"));
        tweet("{\"text\":\"@bob On it\",\"reply\":{\"in_reply_to_tweet_id\":\"" + mention + "\"}}")
                .statusCode(201)
                .header("x-rate-limit-limit", "100")
                .body("data.id", notNullValue());

        dm("9002").statusCode(403);
        console(
                "/twitter/dms",
                "{\"brandUserId\":\"2000001\",\"personId\":\"9002\",\"text\":\"order 12\"}");
        dm("9002").statusCode(201).body("data.dm_conversation_id", equalTo("2000001-9002"));
        dm("9002").statusCode(201).header("x-rate-limit-remaining", "0");
        dm("9002")
                .statusCode(429)
                .body("title", equalTo("Too Many Requests"))
                .header("x-rate-limit-reset", notNullValue());

        given().get(
                        "/twitter/2/users/9002?user.fields=description,profile_image_url,public_metrics")
                .then()
                .body("data.username", equalTo("carlam"))
                .body("data.public_metrics.like_count", equalTo(2990));
        given().get("/twitter/2/users/1234")
                .then()
                .statusCode(200)
                .body("errors[0].title", equalTo("Not Found Error"));
    }

    private static String console(String path, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/console/api" + path)
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    private static ValidatableResponse send(String body) {
        return given().header("Authorization", PAGE_TOKEN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/facebook/1000001/messages")
                .then();
    }

    private static ValidatableResponse tweet(String body) {
        return given().header("Authorization", TWITTER_TOKEN)
                .contentType(ContentType.JSON)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/twitter/2/tweets")
                .then();
    }

    private static ValidatableResponse dm(String personId) {
        return given().header("Authorization", TWITTER_TOKEN)
                .contentType(ContentType.JSON)
                .body("{\"text\":\"Could you DM the order number?\"}")
                .post("/twitter/2/dm_conversations/with/" + personId + "/messages")
                .then();
    }

    private static LoggedRequest awaitWebhook(String path, String containing) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            List<LoggedRequest> requests =
                                    IngestStub.server().findAll(postRequestedFor(urlEqualTo(path)));
                            return requests.stream()
                                    .filter(r -> r.getBodyAsString().contains(containing))
                                    .findFirst()
                                    .orElse(null);
                        },
                        notNullValue());
    }
}
