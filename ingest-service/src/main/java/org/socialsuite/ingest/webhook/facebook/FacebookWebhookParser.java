package org.socialsuite.ingest.webhook.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.WebhookJson;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * Turns a Facebook page webhook (PLATFORMS.md) into events: a pure function of the body, the
 * registry and the time it arrived. One body may batch many entries, each with Messenger items
 * ({@code messaging[]}, {@code standby[]}) and page feed changes ({@code changes[]}).
 */
public class FacebookWebhookParser {

    private final Function<String, Optional<ConnectedAccount>> accountsByPageId;

    public FacebookWebhookParser(Function<String, Optional<ConnectedAccount>> accountsByPageId) {
        this.accountsByPageId = accountsByPageId;
    }

    public ParsedWebhook parse(byte[] body, Instant receivedAt) {
        JsonNode root = WebhookJson.read(body);
        String object = root.path("object").asText();
        if (object.isEmpty()) {
            throw WebhookRejected.malformed("Expected the webhook's object ('page'), found none");
        }
        ParsedWebhook.Collector out = new ParsedWebhook.Collector();
        if (!object.equals("page")) {
            // The app's other subscriptions (user, permissions, instagram, ...): a non-2xx answer
            // would make Meta retry and in the end disable the subscription. Counted, not read.
            out.skip(Reason.UNSUPPORTED, "object", object);
            return out.result();
        }
        for (JsonNode entry : root.path("entry")) {
            String pageId = entry.path("id").asText();
            Optional<ConnectedAccount> account = accountsByPageId.apply(pageId);
            if (account.isEmpty()) {
                out.skip(Reason.UNKNOWN_ACCOUNT, "entry", "page " + pageId);
                continue;
            }
            PageEntry page = new PageEntry(account.get(), entry, receivedAt);
            entry.path("messaging").forEach(item -> MessengerItems.read(item, page, out));
            entry.path("standby").forEach(item -> MessengerItems.read(item, page, out));
            entry.path("changes").forEach(change -> FeedChanges.read(change, page, out));
        }
        return out.result();
    }
}
