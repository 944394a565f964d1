package org.socialsuite.profile.post;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.socialsuite.testsupport.NetworkStubs.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.profile.ProfileEvents;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.WireMockNetworks;

/** The widget's "View post": the consumer's post under its parents, fetching those never seen. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "profile_test"))
class ThreadTest {

    private final WireMockServer network = WireMockNetworks.server();

    @BeforeEach
    void setUp() {
        network.resetAll();
    }

    @Test
    void aFacebookReplyToACommentShowsPostThenCommentThenReply() {
        String n = unique();
        String post = "1000001_" + n;
        String comment = n + "_777";
        String reply = n + "_888";
        network.stubFor(
                get(urlPathEqualTo("/facebook/" + comment))
                        .willReturn(
                                json(
                                        200,
                                        "{\"id\":\""
                                                + comment
                                                + "\",\"message\":\"Mine is late too\","
                                                + "\"from\":{\"id\":\"7002\",\"name\":\"Cat\"},"
                                                + "\"created_time\":\"2026-01-01T09:30:00+0000\","
                                                + "\"permalink_url\":\"https://www.facebook.com/"
                                                + post
                                                + "?comment_id="
                                                + comment
                                                + "\"}")));
        network.stubFor(
                get(urlPathEqualTo("/facebook/" + post))
                        .willReturn(
                                json(
                                        200,
                                        "{\"id\":\""
                                                + post
                                                + "\",\"message\":\"Our autumn deliveries\","
                                                + "\"from\":{\"id\":\"1000001\",\"name\":\"AcmeCare\"},"
                                                + "\"created_time\":\"2026-01-01T08:00:00+0000\","
                                                + "\"permalink_url\":\"https://www.facebook.com/"
                                                + post
                                                + "\"}")));
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.FACEBOOK,
                        MessageKind.COMMENT,
                        Author.named("7001", "Ann Lee"),
                        reply,
                        comment,
                        post));

        ValidatableResponse thread = awaitThread("acme", "facebook", reply);

        thread.body("complete", is(true))
                .body("items.platformId", contains(post, comment, reply))
                .body("items.author.name", contains("AcmeCare", "Cat", "Ann Lee"))
                .body(
                        "items.text",
                        contains("Our autumn deliveries", "Mine is late too", "text of " + reply))
                .body("items[0].createdAt", is("2026-01-01T08:00:00Z"))
                .body(
                        "items[2].permalink",
                        is("https://www.facebook.com/" + post + "?comment_id=" + reply));
        // A comment is asked with its parent; the post without (posts have none).
        network.verify(
                getRequestedFor(urlPathEqualTo("/facebook/" + comment))
                        .withQueryParam(
                                "fields", equalTo("message,from,created_time,parent,permalink_url"))
                        .withHeader("Authorization", equalTo("Bearer dev-acme-page-token")));
        network.verify(
                getRequestedFor(urlPathEqualTo("/facebook/" + post))
                        .withQueryParam(
                                "fields", equalTo("message,from,created_time,permalink_url")));

        // Stored now: asking again calls nothing.
        network.resetRequests();
        awaitThread("acme", "facebook", reply).body("items", org.hamcrest.Matchers.hasSize(3));
        network.verify(0, anyRequestedFor(urlPathEqualTo("/facebook/" + post)));
    }

    @Test
    void aTwitterChainOfThreeFetchesOnlyTheTweetNeverSeen() {
        String n = unique();
        String mention = "19" + n + "1";
        String brandReply = "19" + n + "2";
        String consumerReply = "19" + n + "3";
        Author bob = Author.named("9001", "Bob");
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.TWITTER, MessageKind.POST, bob, mention, null, mention));
        network.stubFor(
                get(urlPathEqualTo("/twitter/2/tweets/" + brandReply))
                        .willReturn(
                                json(
                                        200,
                                        "{\"data\":{\"id\":\""
                                                + brandReply
                                                + "\",\"text\":\"@bob Sorry! Which order?\","
                                                + "\"author_id\":\"2000001\",\"created_at\":\"2026-01-01T10:05:00.000Z\","
                                                + "\"conversation_id\":\""
                                                + mention
                                                + "\",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\""
                                                + mention
                                                + "\"}],\"edit_history_tweet_ids\":[\""
                                                + brandReply
                                                + "\"]},"
                                                + "\"includes\":{\"users\":[{\"id\":\"2000001\",\"name\":\"Acme\",\"username\":\"AcmeCare\"}]}}")));
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.TWITTER,
                        MessageKind.THREAD_REPLY,
                        bob,
                        consumerReply,
                        brandReply,
                        mention));

        awaitThread("acme", "twitter", consumerReply)
                .body("complete", is(true))
                .body("items.platformId", contains(mention, brandReply, consumerReply))
                .body("items[1].author.handle", is("AcmeCare"))
                .body(
                        "items[1].permalink",
                        is("https://twitter.com/AcmeCare/status/" + brandReply));
        network.verify(
                1,
                getRequestedFor(urlPathEqualTo("/twitter/2/tweets/" + brandReply))
                        .withQueryParam(
                                "tweet.fields",
                                equalTo("author_id,created_at,conversation_id,referenced_tweets"))
                        .withQueryParam("expansions", equalTo("author_id"))
                        .withHeader("Authorization", equalTo("Bearer dev-acme-twitter-token")));
        network.verify(0, getRequestedFor(urlPathEqualTo("/twitter/2/tweets/" + mention)));
    }

    @Test
    void anotherBrandGetsNotFound() {
        String tweet = "19" + unique();
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.TWITTER,
                        MessageKind.POST,
                        Author.named("9001", "Bob"),
                        tweet,
                        null,
                        tweet));
        awaitThread("acme", "twitter", tweet).body("items", org.hamcrest.Matchers.hasSize(1));

        ProfileEvents.get("globex", "/api/posts/twitter/" + tweet + "/thread")
                .statusCode(404)
                .body("error", is("not_found"));
        ProfileEvents.get("globex", "/api/profiles/twitter/9001").statusCode(404);
    }

    private static ValidatableResponse awaitThread(String brand, String channel, String postId) {
        String path = "/api/posts/" + channel + "/" + postId + "/thread";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ProfileEvents.get(brand, path).statusCode(200));
        return ProfileEvents.get(brand, path);
    }

    private static String unique() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }
}
