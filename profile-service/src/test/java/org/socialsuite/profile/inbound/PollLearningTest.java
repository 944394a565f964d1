package org.socialsuite.profile.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ConsumerProfileUpdatedDeserializer;
import org.socialsuite.profile.ProfileEvents;
import org.socialsuite.support.background.VertxContexts;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TopicWatcher;
import org.socialsuite.testsupport.WireMockNetworks;

/** Learning a poll at a time: one transaction, each profile announced once with its last state. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "profile_test"))
class PollLearningTest {

    @Inject InboundLearner learner;
    @Inject Vertx vertx;

    private TopicWatcher<ConsumerProfileUpdated> updates;

    @BeforeEach
    void watch() {
        updates = TopicWatcher.open(Topics.PROFILE, new ConsumerProfileUpdatedDeserializer());
    }

    @AfterEach
    void close() {
        updates.close();
    }

    @Test
    void aPollNamingOneConsumerManyTimesAnnouncesItsProfileOnceWithTheLastHints() {
        String user = "9100-" + UUID.randomUUID();
        SocialEventReceived first = tweet(user, "bob1");
        learn(List.of(first, tweet(user, "bob2"), first, tweet(user, "bob3")));
        // A second poll on the same key: whatever the first announced comes before it.
        learn(List.of(tweet(user, "bob4")));

        await().atMost(Duration.ofSeconds(30)).until(() -> handlesOf(user).contains("bob4"));
        assertThat(handlesOf(user)).containsExactly("bob3", "bob4");
        ProfileEvents.get("acme", "/api/profiles/twitter/" + user)
                .statusCode(200)
                .body("handle", equalTo("bob4"))
                .body("name", equalTo("Bob"));
    }

    @Test
    void aFullPollOfNewPeopleIsLearntInOneGo() {
        List<SocialEventReceived> poll = new java.util.ArrayList<>();
        String prefix = "9105-" + UUID.randomUUID() + "-";
        for (int n = 0; n < 2_000; n++) {
            poll.add(tweet(prefix + n, "crowd" + n));
        }

        learn(poll);

        ProfileEvents.get("acme", "/api/profiles/twitter/" + prefix + 1_999)
                .statusCode(200)
                .body("handle", equalTo("crowd1999"));
    }

    @Test
    void anItemCreatedEditedAndRepeatedInOnePollIsStoredOnceWithItsLastText() {
        String user = "9106-" + UUID.randomUUID();
        SocialEventReceived created = tweet(user, "ed");
        SocialEventReceived edited =
                new SocialEventReceived(
                        UUID.randomUUID().toString(),
                        "twitter:" + created.platformId() + ":EDITED",
                        Channel.TWITTER,
                        created.accountId(),
                        created.brandId(),
                        created.kind(),
                        created.visibility(),
                        LifecycleAction.EDITED,
                        false,
                        user,
                        created.author(),
                        "edited text",
                        List.of(),
                        created.platformId(),
                        null,
                        null,
                        null,
                        created.occurredAt(),
                        created.receivedAt());

        learn(List.of(created, edited, created, edited));

        ProfileEvents.get("acme", "/api/posts/twitter/" + created.platformId() + "/thread")
                .statusCode(200)
                .body("items.text", contains("edited text"));
        ProfileEvents.get("acme", "/api/profiles/twitter/" + user)
                .statusCode(200)
                .body("handle", equalTo("ed"));
    }

    @Test
    void aPollWithNothingNewAnnouncesNothing() {
        String user = "9101-" + UUID.randomUUID();
        SocialEventReceived tweet = tweet(user, "same");
        learn(List.of(tweet));
        learn(List.of(tweet, tweet));
        learn(List.of(tweet(user, "marker")));

        await().atMost(Duration.ofSeconds(30)).until(() -> handlesOf(user).contains("marker"));
        assertThat(handlesOf(user)).containsExactly("same", "marker");
    }

    @Test
    void aPollOfManyNewPeopleFetchesThemInTheBackgroundAndTheNextPollIsNotHeldUp() {
        // Facebook webhooks never carry the whole widget: each new person is fetched.
        for (int n = 0; n < 300; n++) {
            ProfileEvents.publish(
                    ProfileEvents.consumer(
                            Channel.FACEBOOK,
                            MessageKind.PRIVATE_MESSAGE,
                            Author.named("crowd-" + n + "-" + UUID.randomUUID(), null)));
        }
        String marker = "9104-" + UUID.randomUUID();
        ProfileEvents.publish(tweet(marker, "after the crowd"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                ProfileEvents.get("acme", "/api/profiles/twitter/" + marker)
                                        .statusCode(200)
                                        .body("handle", equalTo("after the crowd")));
    }

    @Test
    void anEventThatFailsOnItsOwnIsDeadLetteredAndTheRestOfItsPollLearnt() {
        String good = "9102-" + UUID.randomUUID();
        String poisoned = "9103-" + UUID.randomUUID();
        try (TopicWatcher<byte[]> deadLetters =
                TopicWatcher.open(Topics.INBOUND + ".dlq", new ByteArrayDeserializer())) {
            // Same key, so one poll is likely; either way each must come out right.
            SocialEventReceived bad =
                    ProfileEvents.consumer(
                            Channel.TWITTER,
                            MessageKind.POST,
                            Author.named(poisoned, "nul \u0000"));
            ProfileEvents.publish(bad);
            ProfileEvents.publish(tweet(good, "fine"));

            ConsumerRecord<String, byte[]> dead =
                    deadLetters.awaitRecord(
                            value ->
                                    new String(value, StandardCharsets.UTF_8)
                                            .contains(bad.platformEventId()));
            assertThat(
                            new String(
                                    dead.headers().lastHeader("dead-letter-reason").value(),
                                    StandardCharsets.UTF_8))
                    .contains("0x00");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    ProfileEvents.get("acme", "/api/profiles/twitter/" + good)
                                            .statusCode(200)
                                            .body("handle", equalTo("fine")));
        }
    }

    /** On a Vert.x context, as the consumer calls it (Panache's sessions live there). */
    private void learn(List<SocialEventReceived> poll) {
        VertxContexts.runIsolated(vertx, () -> learner.learnAll(poll))
                .await()
                .atMost(Duration.ofSeconds(60));
    }

    private List<String> handlesOf(String user) {
        return updates.poll().stream()
                .map(ConsumerRecord::value)
                .filter(update -> update.consumerId().equals(user))
                .map(ConsumerProfileUpdated::handle)
                .toList();
    }

    /** A tweet whose user object carries every widget field: nothing to fetch. */
    private static SocialEventReceived tweet(String user, String handle) {
        return ProfileEvents.consumer(
                Channel.TWITTER,
                MessageKind.POST,
                new Author(user, "Bob", handle, null, "bio", 1L, 2L, 3L, 4L));
    }
}
