package org.socialsuite.ingest.webhook.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.socialsuite.events.LifecycleAction.CREATED;
import static org.socialsuite.events.LifecycleAction.DELETED;
import static org.socialsuite.events.MessageKind.POST;
import static org.socialsuite.events.MessageKind.PRIVATE_MESSAGE;
import static org.socialsuite.events.MessageKind.THREAD_REPLY;
import static org.socialsuite.events.Visibility.PRIVATE;
import static org.socialsuite.events.Visibility.PUBLIC;
import static org.socialsuite.ingest.Expected.ACME_TWITTER;
import static org.socialsuite.ingest.Expected.assertEvents;
import static org.socialsuite.ingest.Expected.event;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.ingest.Expected;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.ParsedWebhook.SkippedItem;

class TwitterWebhookParserTest {

    private static final Author BOB =
            new Author(
                    "9001",
                    "Bob",
                    "bob",
                    "https://example.invalid/bob_normal.png",
                    "coffee first",
                    12L,
                    40L,
                    310L,
                    77L);

    private final TwitterWebhookParser parser =
            new TwitterWebhookParser(userId -> Expected.account(Channel.TWITTER, userId));

    @Test
    void aMentionThatRepliesToNothingIsAPostWithTheWholeProfile() {
        ParsedWebhook webhook = parse("mention.json");

        assertThat(webhook.skipped()).isEmpty();
        assertEvents(
                webhook.events(),
                event(
                        ACME_TWITTER,
                        "twitter:1900000000000000001:CREATED",
                        POST,
                        PUBLIC,
                        CREATED,
                        false,
                        "9001",
                        BOB,
                        "@AcmeCare my parcel is late été 📦",
                        List.of(),
                        "1900000000000000001",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767261600000L)));
        assertThat(webhook.events().get(0).conversationKey()).hasToString("acme-twitter:9001");
    }

    @Test
    void repliesLongTweetsQuotesRetweetsAndTheBrandsOwnTweets() {
        ParsedWebhook webhook = parse("reply-long-and-quote.json");

        assertEvents(
                webhook.events(),
                event(
                        ACME_TWITTER,
                        "twitter:1900000000000000002:CREATED",
                        THREAD_REPLY,
                        PUBLIC,
                        CREATED,
                        false,
                        "9001",
                        new Author(
                                "9001",
                                "Bob",
                                "bob",
                                "https://example.invalid/bob_normal.png",
                                "coffee first",
                                12L,
                                40L,
                                311L,
                                77L),
                        "@AcmeCare it has been two weeks and still nothing, I have called three"
                            + " times and every time I am told to wait another three days. This is"
                            + " not OK.",
                        List.of(new Attachment("photo", "https://example.invalid/receipt.jpg")),
                        "1900000000000000002",
                        "1900000000000000010",
                        null,
                        null,
                        Instant.ofEpochMilli(1767261900000L)),
                event(
                        ACME_TWITTER,
                        "twitter:1900000000000000003:CREATED",
                        POST,
                        PUBLIC,
                        CREATED,
                        false,
                        "9002",
                        new Author("9002", "Cara", "cara", null, null, 5L, 6L, 7L, 8L),
                        "@AcmeCare this again?",
                        List.of(),
                        "1900000000000000003",
                        null,
                        null,
                        "1900000000000000099",
                        Instant.parse("2026-01-01T10:06:00Z")),
                event(
                        ACME_TWITTER,
                        "twitter:1900000000000000005:CREATED",
                        THREAD_REPLY,
                        PUBLIC,
                        CREATED,
                        true,
                        "9001",
                        new Author(
                                "2000001",
                                "Acme Care",
                                "AcmeCare",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        "@bob sorry to hear that, we are on it",
                        List.of(),
                        "1900000000000000005",
                        "1900000000000000001",
                        null,
                        null,
                        Instant.ofEpochMilli(1767262100000L)));
        assertThat(webhook.skipped())
                .containsExactly(
                        new SkippedItem(Reason.NOT_A_MESSAGE, "retweet", "1900000000000000004"));
    }

    @Test
    void directMessagesOfTheConsumerAndTheBrandsEchoWithAuthorsFromTheUsersMap() {
        Author bob =
                new Author(
                        "9001",
                        "Bob",
                        "bob",
                        "https://example.invalid/bob.png",
                        "coffee first",
                        12L,
                        40L,
                        310L,
                        null);
        assertEvents(
                parse("direct-messages.json").events(),
                event(
                        ACME_TWITTER,
                        "twitter:1950000000000000001:CREATED",
                        PRIVATE_MESSAGE,
                        PRIVATE,
                        CREATED,
                        false,
                        "9001",
                        bob,
                        "Order 4411 please — danke",
                        List.of(),
                        "1950000000000000001",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767261600000L)),
                event(
                        ACME_TWITTER,
                        "twitter:1950000000000000002:CREATED",
                        PRIVATE_MESSAGE,
                        PRIVATE,
                        CREATED,
                        true,
                        "9001",
                        new Author(
                                "2000001",
                                "Acme Care",
                                "AcmeCare",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        "Checking now",
                        List.of(),
                        "1950000000000000002",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767261660000L)),
                event(
                        ACME_TWITTER,
                        "twitter:1950000000000000003:CREATED",
                        PRIVATE_MESSAGE,
                        PRIVATE,
                        CREATED,
                        false,
                        "9001",
                        bob,
                        null,
                        List.of(new Attachment("photo", "https://example.invalid/label.jpg")),
                        "1950000000000000003",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767261700000L)));
    }

    @Test
    void aDeletedTweetIsADeletionAndOtherActivityIsCounted() {
        ParsedWebhook webhook = parse("deletes-and-signals.json");

        assertEvents(
                webhook.events(),
                event(
                        ACME_TWITTER,
                        "twitter:1900000000000000001:DELETED",
                        POST,
                        PUBLIC,
                        DELETED,
                        false,
                        "9001",
                        Author.named("9001", null),
                        null,
                        List.of(),
                        "1900000000000000001",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767265200000L)));
        assertThat(webhook.skipped())
                .extracting(SkippedItem::reason, SkippedItem::type)
                .containsExactly(
                        tuple(Reason.NOT_A_MESSAGE, "favorite_events"),
                        tuple(Reason.NOT_A_MESSAGE, "follow_events"),
                        tuple(Reason.NOT_A_MESSAGE, "block_events"),
                        tuple(Reason.NOT_A_MESSAGE, "mute_events"),
                        tuple(Reason.NOT_A_MESSAGE, "direct_message_indicate_typing_events"),
                        tuple(Reason.NOT_A_MESSAGE, "direct_message_mark_read_events"),
                        tuple(Reason.NOT_A_MESSAGE, "user_event"),
                        tuple(Reason.UNSUPPORTED, "activity"));
    }

    @Test
    void anUnknownAccountPublishesNothing() {
        ParsedWebhook webhook = parse("unknown-account.json");

        assertThat(webhook.events()).isEmpty();
        assertThat(webhook.skipped())
                .containsExactly(
                        new SkippedItem(Reason.UNKNOWN_ACCOUNT, "for_user_id", "user 5555555"));
    }

    private ParsedWebhook parse(String payload) {
        return parser.parse(Payloads.read("twitter/" + payload), Expected.RECEIVED);
    }
}
