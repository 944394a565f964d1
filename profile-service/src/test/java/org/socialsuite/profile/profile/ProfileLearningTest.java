package org.socialsuite.profile.profile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestEvents;

/** Author hints on the real broker become widget profiles in the real database. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "profile_test"))
class ProfileLearningTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

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
                .body("name", equalTo("Bob"))
                .body("handle", equalTo("bob"))
                .body("imageUrl", equalTo("https://example.invalid/bob.png"))
                .body("bio", equalTo("coffee first"))
                .body("followerCount", equalTo(12))
                .body("followingCount", equalTo(40))
                .body("tweetCount", equalTo(310))
                .body("likeCount", equalTo(77))
                .body("locale", nullValue());
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
        String account = channel == Channel.FACEBOOK ? "acme-facebook" : "acme-twitter";
        String platformId = UUID.randomUUID().toString();
        SocialEventReceived event =
                new SocialEventReceived(
                        UUID.randomUUID().toString(),
                        channel.name().toLowerCase() + ":" + platformId + ":CREATED",
                        channel,
                        account,
                        "acme",
                        kind,
                        kind.visibility(),
                        LifecycleAction.CREATED,
                        false,
                        author.id(),
                        author,
                        "hello",
                        List.of(),
                        platformId,
                        null,
                        null,
                        null,
                        T0,
                        T0);
        TestEvents.publish(Topics.INBOUND, event.conversationKey().toString(), event);
    }

    private static io.restassured.response.ValidatableResponse profile(
            String brand, String channel, String consumerId) {
        return given().header("Authorization", AgentTokens.bearer(brand))
                .get("/api/profiles/" + channel + "/" + consumerId)
                .then();
    }
}
