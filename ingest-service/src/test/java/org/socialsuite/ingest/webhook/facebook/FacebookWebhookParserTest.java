package org.socialsuite.ingest.webhook.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Visibility;
import org.socialsuite.ingest.Expected;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.ParsedWebhook.SkippedItem;
import org.socialsuite.ingest.webhook.WebhookRejected;

class FacebookWebhookParserTest {

    private static final Instant RECEIVED = Expected.RECEIVED;

    private final FacebookWebhookParser parser =
            new FacebookWebhookParser(pageId -> Expected.account(Channel.FACEBOOK, pageId));

    @Test
    void aMessengerTextMessageIsAPrivateMessageOfTheSender() {
        ParsedWebhook webhook = parse("messenger-text.json");

        assertThat(webhook.skipped()).isEmpty();
        SocialEventReceived event = webhook.events().get(0);
        assertThat(event.eventId()).hasSize(36);
        assertThat(event)
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(
                        new SocialEventReceived(
                                "ignored",
                                "facebook:m_abc123:CREATED",
                                Channel.FACEBOOK,
                                "acme-facebook",
                                "acme",
                                MessageKind.PRIVATE_MESSAGE,
                                Visibility.PRIVATE,
                                LifecycleAction.CREATED,
                                false,
                                "8001",
                                Author.named("8001", null),
                                "Hi, can you help? Grüße ☕",
                                List.of(),
                                "m_abc123",
                                "m_prev",
                                null,
                                null,
                                Instant.ofEpochMilli(1767225600123L),
                                RECEIVED));
        assertThat(event.conversationKey()).hasToString("acme-facebook:8001");
    }

    @Test
    void attachmentsWithoutTextUnderStandbyAreMessagesToo() {
        SocialEventReceived event = parse("messenger-attachments-only.json").events().get(0);

        assertThat(event.text()).isNull();
        assertThat(event.attachments())
                .containsExactly(
                        new Attachment("image", "https://example.invalid/i.jpg"),
                        new Attachment("fallback", null));
        assertThat(event.platformId()).isEqualTo("m_att1");
    }

    @Test
    void textAndAttachmentsTravelTogetherWhateverTheAttachmentType() {
        SocialEventReceived event = parse("messenger-text-and-attachment.json").events().get(0);

        assertThat(event)
                .usingRecursiveComparison()
                .ignoringFields("eventId")
                .isEqualTo(
                        new SocialEventReceived(
                                "ignored",
                                "facebook:m_both1:CREATED",
                                Channel.FACEBOOK,
                                "acme-facebook",
                                "acme",
                                MessageKind.PRIVATE_MESSAGE,
                                Visibility.PRIVATE,
                                LifecycleAction.CREATED,
                                false,
                                "8001",
                                Author.named("8001", null),
                                "Here is the label",
                                List.of(
                                        new Attachment("file", "https://example.invalid/label.pdf"),
                                        new Attachment("ig_reel", "https://example.invalid/reel")),
                                "m_both1",
                                null,
                                null,
                                null,
                                Instant.ofEpochMilli(1767225603000L),
                                RECEIVED));
    }

    @Test
    void anEchoIsTheBrandsMessageToTheRecipientAndSignalsAreOnlyCounted() {
        ParsedWebhook webhook = parse("messenger-echo-and-signals.json");

        assertThat(webhook.events()).hasSize(1);
        SocialEventReceived echo = webhook.events().get(0);
        assertThat(echo.fromBrand()).isTrue();
        assertThat(echo.consumerId()).isEqualTo("8001");
        assertThat(echo.author()).isEqualTo(Author.named("1000001", "AcmeCare"));
        assertThat(echo.conversationKey()).hasToString("acme-facebook:8001");
        assertThat(webhook.skipped())
                .extracting(SkippedItem::reason, SkippedItem::type)
                .containsExactly(
                        tuple(Reason.NOT_A_MESSAGE, "delivery"),
                        tuple(Reason.NOT_A_MESSAGE, "read"),
                        tuple(Reason.NOT_A_MESSAGE, "reaction"),
                        tuple(Reason.NOT_A_MESSAGE, "postback"),
                        tuple(Reason.UNSUPPORTED, "messaging"));
    }

    @Test
    void anUnknownPageIsSkippedNotPublished() {
        ParsedWebhook webhook = parse("unknown-page.json");

        assertThat(webhook.events()).isEmpty();
        assertThat(webhook.skipped())
                .containsExactly(new SkippedItem(Reason.UNKNOWN_ACCOUNT, "entry", "page 999999"));
    }

    @Test
    void malformedBodiesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> parser.parse(bytes("{\"object\":"), RECEIVED))
                .isInstanceOf(WebhookRejected.class)
                .hasMessageStartingWith("The body is not valid JSON");
        assertThatThrownBy(() -> parser.parse(bytes("[1,2]"), RECEIVED))
                .hasMessage("The body is not a JSON object");
        assertThatThrownBy(() -> parser.parse(bytes("{\"entry\":[]}"), RECEIVED))
                .hasMessage("Expected the webhook's object ('page'), found none");
    }

    @Test
    void anotherObjectTheAppIsSubscribedToIsSkippedWithoutReadingIt() {
        ParsedWebhook webhook =
                parser.parse(
                        bytes(
                                "{\"object\":\"permissions\",\"entry\":[{\"id\":\"8001\","
                                    + "\"changes\":[{\"field\":\"email\",\"value\":\"granted\"}]}]}"),
                        RECEIVED);

        assertThat(webhook.events()).isEmpty();
        assertThat(webhook.skipped())
                .containsExactly(new SkippedItem(Reason.UNSUPPORTED, "object", "permissions"));
    }

    private ParsedWebhook parse(String payload) {
        return parser.parse(Payloads.read("facebook/" + payload), RECEIVED);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
