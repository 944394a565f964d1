package org.socialsuite.ingest.webhook.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.socialsuite.events.Author;
import org.socialsuite.events.MessageKind;
import org.socialsuite.ingest.webhook.EventDraft;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.WebhookJson;

/**
 * Messenger items: messages become private messages (the page's own echoes as brand events);
 * receipts, reactions and postbacks are counted.
 */
final class MessengerItems {

    private static final List<String> SIGNALS =
            List.of("delivery", "read", "reaction", "postback", "referral");

    private MessengerItems() {}

    static void read(JsonNode item, PageEntry page, ParsedWebhook.Collector out) {
        JsonNode message = item.path("message");
        if (!message.isObject()) {
            String signal = SIGNALS.stream().filter(item::has).findFirst().orElse(null);
            if (signal != null) {
                out.skip(Reason.NOT_A_MESSAGE, signal, null);
            } else {
                out.skip(Reason.UNSUPPORTED, "messaging", String.join(",", fieldNames(item)));
            }
            return;
        }
        String mid = WebhookJson.optionalText(message, "mid");
        if (mid == null) {
            out.skip(Reason.UNSUPPORTED, "message", "no mid");
            return;
        }
        String senderId = item.path("sender").path("id").asText();
        String recipientId = item.path("recipient").path("id").asText();
        // An echo is the page's own message; its consumer is the recipient.
        boolean echo = message.path("is_echo").asBoolean(false) || page.isPage(senderId);
        EventDraft draft =
                page.draft()
                        .kind(MessageKind.PRIVATE_MESSAGE)
                        .platformId(mid)
                        .author(
                                echo ? page.pageAsAuthor() : Author.named(senderId, null),
                                echo,
                                echo ? recipientId : senderId)
                        .text(WebhookJson.optionalText(message, "text"))
                        .thread(WebhookJson.optionalText(message.path("reply_to"), "mid"), null)
                        .occurredAt(
                                item.has("timestamp")
                                        ? Instant.ofEpochMilli(item.path("timestamp").asLong())
                                        : null);
        for (JsonNode attachment : message.path("attachments")) {
            draft.attachment(
                    attachment.path("type").asText("unknown"),
                    WebhookJson.optionalText(attachment.path("payload"), "url"));
        }
        out.add(draft.build());
    }

    private static List<String> fieldNames(JsonNode item) {
        List<String> names = new java.util.ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
