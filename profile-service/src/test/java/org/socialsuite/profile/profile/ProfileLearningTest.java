package org.socialsuite.profile.profile;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.profile.ProfileEvents;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.WireMockNetworks;

/** Author hints on the real broker become widget profiles in the real database. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "profile_test"))
class ProfileLearningTest {

    @Test
    void aTwitterMentionCarriesTheWholeTwitterWidget() {
        String user = "9001-" + UUID.randomUUID();
        publish(
                Channel.TWITTER,
                MessageKind.POST,
                new Author(
                        user,
                        "Bob",
                        "bob",
                        "https://example.invalid/bob.png",
                        "coffee first",
                        12L,
                        40L,
                        310L,
                        77L));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> profile("acme", "twitter", user).statusCode(200));
        profile("acme", "twitter", user)
                .body("stale", equalTo(false))
                .body("name", equalTo("Bob"))
                .body("handle", equalTo("bob"))
                .body("imageUrl", equalTo("https://example.invalid/bob.png"))
                .body("bio", equalTo("coffee first"))
                .body("followerCount", equalTo(12))
                .body("followingCount", equalTo(40))
                .body("tweetCount", equalTo(310))
                .body("likeCount", equalTo(77))
                .body("locale", nullValue());
        // The user object carried every field: the network was never asked.
        WireMockNetworks.server().verify(0, anyRequestedFor(urlPathMatching("/twitter/.*" + user)));
    }

    @Test
    void aLaterHintWithoutANameKeepsTheNameLearntBefore() {
        String psid = "8001-" + UUID.randomUUID();
        publish(Channel.FACEBOOK, MessageKind.COMMENT, Author.named(psid, "Ann Lee"));
        publish(Channel.FACEBOOK, MessageKind.PRIVATE_MESSAGE, Author.named(psid, null));
        // The third event is applied after the second: same key, same partition.
        publish(
                Channel.FACEBOOK,
                MessageKind.PRIVATE_MESSAGE,
                new Author(
                        psid,
                        null,
                        null,
                        "https://example.invalid/ann.jpg",
                        null,
                        null,
                        null,
                        null,
                        null));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                profile("acme", "facebook", psid)
                                        .statusCode(200)
                                        .body(
                                                "imageUrl",
                                                equalTo("https://example.invalid/ann.jpg")));
        profile("acme", "facebook", psid)
                .body("name", equalTo("Ann Lee"))
                .body("handle", nullValue())
                .body("followerCount", nullValue());
    }

    @Test
    void anotherBrandGetsNotFound() {
        String user = "9002-" + UUID.randomUUID();
        publish(Channel.TWITTER, MessageKind.THREAD_REPLY, Author.named(user, "Eve"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> profile("acme", "twitter", user).statusCode(200));

        profile("globex", "twitter", user).statusCode(404).body("error", equalTo("not_found"));
        profile("acme", "myspace", user).statusCode(400);
    }

    private static void publish(Channel channel, MessageKind kind, Author author) {
        ProfileEvents.publish(ProfileEvents.consumer(channel, kind, author));
    }

    private static ValidatableResponse profile(String brand, String channel, String consumerId) {
        return ProfileEvents.get(brand, "/api/profiles/" + channel + "/" + consumerId);
    }
}
