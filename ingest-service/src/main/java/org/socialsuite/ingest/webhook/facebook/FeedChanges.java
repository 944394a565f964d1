package org.socialsuite.ingest.webhook.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.socialsuite.events.Author;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.ingest.webhook.EventDraft;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.WebhookJson;

/**
 * Page feed changes: consumers' posts and comments, their edits, removals and moderation; the
 * page's own posts and comments as brand events. Feed times are Unix seconds.
 */
final class FeedChanges {

    private FeedChanges() {}

    static void read(JsonNode change, PageEntry page, ParsedWebhook.Collector out) {
        String field = change.path("field").asText();
        if (!"feed".equals(field)) {
            out.skip(Reason.UNSUPPORTED, "changes", field);
            return;
        }
        JsonNode value = change.path("value");
        String item = value.path("item").asText();
        String verb = value.path("verb").asText();
        if (item.equals("reaction") || item.equals("like")) {
            out.skip(Reason.NOT_A_MESSAGE, "feed." + item, verb);
            return;
        }
        MessageKind kind = kind(item);
        LifecycleAction action = action(verb);
        if (kind == null || action == null) {
            // block, unblock and mute are about the person, not an item; unknown items wait for us.
            out.skip(Reason.UNSUPPORTED, "feed", item + "." + verb);
            return;
        }
        String platformId =
                WebhookJson.optionalText(
                        value, kind == MessageKind.COMMENT ? "comment_id" : "post_id");
        Author author = author(value);
        if (platformId == null || author == null) {
            out.skip(
                    Reason.UNSUPPORTED, "feed." + item, platformId == null ? "no id" : "no author");
            return;
        }
        boolean fromBrand = page.isPage(author.id());
        EventDraft draft =
                page.draft()
                        .kind(kind)
                        .action(action)
                        .platformId(platformId)
                        .author(
                                fromBrand ? page.pageAsAuthor() : author,
                                fromBrand,
                                fromBrand ? null : author.id())
                        .text(WebhookJson.optionalText(value, "message"))
                        .occurredAt(occurredAt(value, page, action));
        if (kind == MessageKind.COMMENT) {
            // A comment's parent is the post or, for a reply, the comment it answers.
            draft.thread(
                    WebhookJson.optionalText(value, "parent_id"),
                    WebhookJson.optionalText(value, "post_id"));
        } else if (!item.equals("status") && !item.equals("post")) {
            draft.attachment(item, WebhookJson.optionalText(value, "link"));
        }
        if (action != LifecycleAction.CREATED && action != LifecycleAction.DELETED) {
            draft.versionTag(Long.toString(changeTime(value, page)));
        }
        out.add(draft.build());
    }

    private static MessageKind kind(String item) {
        return switch (item) {
            case "comment" -> MessageKind.COMMENT;
            case "status", "post", "photo", "video", "share" -> MessageKind.POST;
            default -> null;
        };
    }

    private static LifecycleAction action(String verb) {
        return switch (verb) {
            case "add" -> LifecycleAction.CREATED;
            case "edited", "edit" -> LifecycleAction.EDITED;
            case "remove" -> LifecycleAction.DELETED;
            case "hide" -> LifecycleAction.HIDDEN;
            case "unhide" -> LifecycleAction.UNHIDDEN;
            default -> null;
        };
    }

    /** {@code from: {id, name}}, or the older {@code sender_id}/{@code sender_name}. */
    private static Author author(JsonNode value) {
        JsonNode from = value.path("from");
        String id = WebhookJson.optionalText(from, "id");
        if (id != null) {
            return Author.named(id, WebhookJson.optionalText(from, "name"));
        }
        String senderId = WebhookJson.optionalText(value, "sender_id");
        return senderId == null
                ? null
                : Author.named(senderId, WebhookJson.optionalText(value, "sender_name"));
    }

    /** A creation happened when the item was created; any later change when the entry says. */
    private static Instant occurredAt(JsonNode value, PageEntry page, LifecycleAction action) {
        long seconds =
                action == LifecycleAction.CREATED && value.has("created_time")
                        ? value.path("created_time").asLong()
                        : changeTime(value, page);
        return Instant.ofEpochSecond(seconds);
    }

    private static long changeTime(JsonNode value, PageEntry page) {
        JsonNode time = page.entry().path("time");
        return time.isNumber() ? time.asLong() : value.path("created_time").asLong();
    }
}
