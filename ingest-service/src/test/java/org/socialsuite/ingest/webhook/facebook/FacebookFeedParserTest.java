package org.socialsuite.ingest.webhook.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.socialsuite.events.LifecycleAction.CREATED;
import static org.socialsuite.events.LifecycleAction.DELETED;
import static org.socialsuite.events.LifecycleAction.EDITED;
import static org.socialsuite.events.LifecycleAction.HIDDEN;
import static org.socialsuite.events.LifecycleAction.UNHIDDEN;
import static org.socialsuite.events.MessageKind.COMMENT;
import static org.socialsuite.events.MessageKind.POST;
import static org.socialsuite.events.MessageKind.PRIVATE_MESSAGE;
import static org.socialsuite.events.Visibility.PRIVATE;
import static org.socialsuite.events.Visibility.PUBLIC;
import static org.socialsuite.ingest.Expected.ACME_FACEBOOK;
import static org.socialsuite.ingest.Expected.GLOBEX_FACEBOOK;
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

class FacebookFeedParserTest {

    private static final Author ANN = Author.named("7001", "Ann Lee");
    private static final Author PAGE = Author.named("1000001", "AcmeCare");

    private final FacebookWebhookParser parser =
            new FacebookWebhookParser(pageId -> Expected.account(Channel.FACEBOOK, pageId));

    @Test
    void aCommentOnAPostIsAPublicCommentWithItsThread() {
        ParsedWebhook webhook = parse("feed-comment.json");

        assertThat(webhook.skipped()).isEmpty();
        assertEvents(
                webhook.events(),
                event(
                        ACME_FACEBOOK,
                        "facebook:555_777:CREATED",
                        COMMENT,
                        PUBLIC,
                        CREATED,
                        false,
                        "7001",
                        ANN,
                        "My order never arrived — déjà vu 😞",
                        List.of(),
                        "555_777",
                        "1000001_555",
                        "1000001_555",
                        null,
                        Instant.ofEpochSecond(1767225600)));
    }

    @Test
    void aReplyToACommentHangsUnderThatCommentAndTheOlderSenderFormIsRead() {
        assertEvents(
                parse("feed-reply-to-comment-sender-form.json").events(),
                event(
                        ACME_FACEBOOK,
                        "facebook:555_778:CREATED",
                        COMMENT,
                        PUBLIC,
                        CREATED,
                        false,
                        "7002",
                        Author.named("7002", "Ben Okoro"),
                        "Same here",
                        List.of(),
                        "555_778",
                        "555_777",
                        "1000001_555",
                        null,
                        Instant.ofEpochSecond(1767225690)));
    }

    @Test
    void everyPostItemIsAPostWithItsMedia() {
        Author cem = Author.named("7003", "Cem Yilmaz");
        assertEvents(
                parse("feed-posts.json").events(),
                post("1000001_601", cem, "Is the store open today?", List.of(), 1767225801),
                post(
                        "1000001_602",
                        cem,
                        "Broken on arrival",
                        List.of(new Attachment("photo", "https://example.invalid/p.jpg")),
                        1767225802),
                post(
                        "1000001_603",
                        cem,
                        null,
                        List.of(new Attachment("video", "https://example.invalid/v.mp4")),
                        1767225803),
                post(
                        "1000001_604",
                        cem,
                        "Look at this",
                        List.of(new Attachment("share", "https://example.invalid/article")),
                        1767225804),
                post("1000001_605", cem, "Hello page", List.of(), 1767225805));
    }

    @Test
    void editsRemovalsAndModerationAreLifecycleActionsTimedByTheEntry() {
        Instant changed = Instant.ofEpochSecond(1767229200);
        Author eve = Author.named("7005", "Eve");
        assertEvents(
                parse("feed-lifecycle.json").events(),
                comment(
                        "facebook:555_777:EDITED:1767229200",
                        EDITED,
                        ANN,
                        "My order never arrived (edited)",
                        "555_777",
                        "1000001_555",
                        changed),
                comment(
                        "facebook:555_778:EDITED:1767229200",
                        EDITED,
                        Author.named("7002", "Ben Okoro"),
                        "Same here, still",
                        "555_778",
                        "555_777",
                        changed),
                comment(
                        "facebook:555_779:DELETED",
                        DELETED,
                        Author.named("7004", "Dee"),
                        null,
                        "555_779",
                        "1000001_555",
                        changed),
                comment(
                        "facebook:555_780:HIDDEN:1767229200",
                        HIDDEN,
                        eve,
                        null,
                        "555_780",
                        "1000001_555",
                        changed),
                comment(
                        "facebook:555_780:UNHIDDEN:1767229200",
                        UNHIDDEN,
                        eve,
                        null,
                        "555_780",
                        "1000001_555",
                        changed),
                event(
                        ACME_FACEBOOK,
                        "facebook:1000001_601:DELETED",
                        POST,
                        PUBLIC,
                        DELETED,
                        false,
                        "7003",
                        Author.named("7003", "Cem Yilmaz"),
                        null,
                        List.of(),
                        "1000001_601",
                        null,
                        null,
                        null,
                        changed));
    }

    @Test
    void thePagesOwnItemsAreBrandEventsAndReactionsAndPersonActionsAreCounted() {
        ParsedWebhook webhook = parse("feed-brand-and-signals.json");

        assertEvents(
                webhook.events(),
                event(
                        ACME_FACEBOOK,
                        "facebook:1000001_555:CREATED",
                        POST,
                        PUBLIC,
                        CREATED,
                        true,
                        null,
                        PAGE,
                        "Our spring sale starts today",
                        List.of(),
                        "1000001_555",
                        null,
                        null,
                        null,
                        Instant.ofEpochSecond(1767225000)),
                event(
                        ACME_FACEBOOK,
                        "facebook:555_790:CREATED",
                        COMMENT,
                        PUBLIC,
                        CREATED,
                        true,
                        null,
                        PAGE,
                        "Sorry Ann, we are on it",
                        List.of(),
                        "555_790",
                        "555_777",
                        "1000001_555",
                        null,
                        Instant.ofEpochSecond(1767225901)));
        assertThat(webhook.events().get(0).conversationKey()).hasToString("acme-facebook:1000001");
        // The type becomes a metric tag, so it comes from a closed set; the payload's names are
        // the detail.
        assertThat(webhook.skipped())
                .extracting(SkippedItem::reason, SkippedItem::type, SkippedItem::detail)
                .containsExactly(
                        tuple(Reason.NOT_A_MESSAGE, "feed.reaction", "add"),
                        tuple(Reason.UNSUPPORTED, "feed", "comment.block"),
                        tuple(Reason.UNSUPPORTED, "feed", "event.add"),
                        tuple(Reason.UNSUPPORTED, "changes", "ratings"));
    }

    @Test
    void aBatchOfEntriesYieldsEveryEventOfEveryKnownPage() {
        ParsedWebhook webhook = parse("mixed-batch.json");

        assertEvents(
                webhook.events(),
                event(
                        ACME_FACEBOOK,
                        "facebook:555_791:CREATED",
                        COMMENT,
                        PUBLIC,
                        CREATED,
                        false,
                        "7006",
                        Author.named("7006", "Fay"),
                        "Where is my refund?",
                        List.of(),
                        "555_791",
                        "1000001_555",
                        "1000001_555",
                        null,
                        Instant.ofEpochSecond(1767226000)),
                event(
                        ACME_FACEBOOK,
                        "facebook:m_mixed_1:CREATED",
                        PRIVATE_MESSAGE,
                        PRIVATE,
                        CREATED,
                        false,
                        "8002",
                        Author.named("8002", null),
                        "Order 4412",
                        List.of(),
                        "m_mixed_1",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767226001000L)),
                event(
                        GLOBEX_FACEBOOK,
                        "facebook:m_mixed_2:CREATED",
                        PRIVATE_MESSAGE,
                        PRIVATE,
                        CREATED,
                        false,
                        "8003",
                        Author.named("8003", null),
                        "Hello Globex",
                        List.of(),
                        "m_mixed_2",
                        null,
                        null,
                        null,
                        Instant.ofEpochMilli(1767226002000L)));
        assertThat(webhook.skipped())
                .containsExactly(
                        new SkippedItem(Reason.NOT_A_MESSAGE, "read", null),
                        new SkippedItem(Reason.UNKNOWN_ACCOUNT, "entry", "page 999999"));
    }

    private ParsedWebhook parse(String payload) {
        return parser.parse(Payloads.read("facebook/" + payload), Expected.RECEIVED);
    }

    private static org.socialsuite.events.SocialEventReceived post(
            String id, Author author, String text, List<Attachment> attachments, long seconds) {
        return event(
                ACME_FACEBOOK,
                "facebook:" + id + ":CREATED",
                POST,
                PUBLIC,
                CREATED,
                false,
                author.id(),
                author,
                text,
                attachments,
                id,
                null,
                null,
                null,
                Instant.ofEpochSecond(seconds));
    }

    private static org.socialsuite.events.SocialEventReceived comment(
            String platformEventId,
            org.socialsuite.events.LifecycleAction action,
            Author author,
            String text,
            String id,
            String parent,
            Instant at) {
        return event(
                ACME_FACEBOOK,
                platformEventId,
                COMMENT,
                PUBLIC,
                action,
                false,
                author.id(),
                author,
                text,
                List.of(),
                id,
                parent,
                "1000001_555",
                null,
                at);
    }
}
