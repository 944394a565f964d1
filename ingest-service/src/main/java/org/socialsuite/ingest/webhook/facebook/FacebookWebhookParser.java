package org.socialsuite.ingest.webhook.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.ParsedWebhook.SkippedItem;
import org.socialsuite.ingest.webhook.WebhookJson;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * Turns a Facebook page webhook (PLATFORMS.md) into events: a pure function of the body, the
 * registry and the time it arrived.
 */
public class FacebookWebhookParser {

    private static final List<String> SIGNALS =
            List.of("delivery", "read", "reaction", "postback", "referral");

    private final Function<String, Optional<ConnectedAccount>> accountsByPageId;

    public FacebookWebhookParser(Function<String, Optional<ConnectedAccount>> accountsByPageId) {
        this.accountsByPageId = accountsByPageId;
    }

    public ParsedWebhook parse(byte[] body, Instant receivedAt) {
        JsonNode root = WebhookJson.read(body);
        if (!"page".equals(root.path("object").asText())) {
            throw WebhookRejected.malformed(
                    "Expected object 'page', got '" + root.path("object").asText() + "'");
        }
        List<SocialEventReceived> events = new ArrayList<>();
        List<SkippedItem> skipped = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String pageId = entry.path("id").asText();
            Optional<ConnectedAccount> account = accountsByPageId.apply(pageId);
            if (account.isEmpty()) {
                skipped.add(new SkippedItem(Reason.UNKNOWN_ACCOUNT, "entry", "page " + pageId));
                continue;
            }
            Entry context = new Entry(account.get(), pageId, receivedAt, events, skipped);
            entry.path("messaging").forEach(context::messaging);
            entry.path("standby").forEach(context::messaging);
            for (JsonNode change : entry.path("changes")) {
                skipped.add(
                        new SkippedItem(
                                Reason.UNSUPPORTED,
                                "changes." + change.path("field").asText(),
                                "page feed changes are not read yet"));
            }
        }
        return new ParsedWebhook(events, skipped);
    }

    /** One {@code entry[]}: everything in it belongs to one page, so to one account. */
    private record Entry(
            ConnectedAccount account,
            String pageId,
            Instant receivedAt,
            List<SocialEventReceived> events,
            List<SkippedItem> skipped) {

        void messaging(JsonNode item) {
            JsonNode message = item.path("message");
            if (message.isObject()) {
                String mid = WebhookJson.optionalText(message, "mid");
                if (mid == null) {
                    skipped.add(new SkippedItem(Reason.UNSUPPORTED, "message", "no mid"));
                } else {
                    events.add(privateMessage(item, message, mid));
                }
                return;
            }
            String type = SIGNALS.stream().filter(item::has).findFirst().orElse(null);
            if (type != null) {
                skipped.add(new SkippedItem(Reason.NOT_A_MESSAGE, type, null));
            } else {
                skipped.add(new SkippedItem(Reason.UNSUPPORTED, "messaging", fieldNames(item)));
            }
        }

        private SocialEventReceived privateMessage(JsonNode item, JsonNode message, String mid) {
            String senderId = item.path("sender").path("id").asText();
            String recipientId = item.path("recipient").path("id").asText();
            // An echo is the page's own message; its consumer is the recipient.
            boolean fromBrand = message.path("is_echo").asBoolean(false) || senderId.equals(pageId);
            String consumerId = fromBrand ? recipientId : senderId;
            Author author =
                    fromBrand
                            ? Author.named(pageId, account.pageName().orElse(null))
                            : Author.named(senderId, null);
            return new SocialEventReceived(
                    UUID.randomUUID().toString(),
                    "facebook:" + mid + ":" + LifecycleAction.CREATED,
                    Channel.FACEBOOK,
                    account.accountId(),
                    account.brandId(),
                    MessageKind.PRIVATE_MESSAGE,
                    MessageKind.PRIVATE_MESSAGE.visibility(),
                    LifecycleAction.CREATED,
                    fromBrand,
                    consumerId,
                    author,
                    WebhookJson.optionalText(message, "text"),
                    attachments(message.path("attachments")),
                    mid,
                    WebhookJson.optionalText(message.path("reply_to"), "mid"),
                    null,
                    null,
                    Instant.ofEpochMilli(item.path("timestamp").asLong(receivedAt.toEpochMilli())),
                    receivedAt);
        }

        private static List<Attachment> attachments(JsonNode attachments) {
            List<Attachment> result = new ArrayList<>();
            for (JsonNode attachment : attachments) {
                String type = attachment.path("type").asText("unknown");
                result.add(
                        new Attachment(
                                type, WebhookJson.optionalText(attachment.path("payload"), "url")));
            }
            return result;
        }

        private static String fieldNames(JsonNode item) {
            List<String> names = new ArrayList<>();
            item.fieldNames().forEachRemaining(names::add);
            return String.join(",", names);
        }
    }
}
