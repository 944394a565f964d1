package org.socialsuite.ingest.webhook.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.socialsuite.events.Author;
import org.socialsuite.ingest.webhook.EventDraft;
import org.socialsuite.support.accounts.ConnectedAccount;

/** One {@code entry[]} of a page webhook: everything in it belongs to one page, so one account. */
record PageEntry(ConnectedAccount account, JsonNode entry, Instant receivedAt) {

    String pageId() {
        return account.externalId();
    }

    boolean isPage(String userId) {
        return pageId().equals(userId);
    }

    /** The page as the author of its own posts, comments and messages. */
    Author pageAsAuthor() {
        return Author.named(pageId(), account.pageName().orElse(null));
    }

    EventDraft draft() {
        return new EventDraft(account, receivedAt);
    }
}
