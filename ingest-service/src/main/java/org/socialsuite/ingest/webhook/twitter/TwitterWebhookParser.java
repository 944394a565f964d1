package org.socialsuite.ingest.webhook.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.socialsuite.events.Author;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.ingest.webhook.EventDraft;
import org.socialsuite.ingest.webhook.ParsedWebhook;
import org.socialsuite.ingest.webhook.ParsedWebhook.Reason;
import org.socialsuite.ingest.webhook.WebhookJson;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * Turns a Twitter/X Account Activity webhook (PLATFORMS.md) into events: mentions and replies,
 * Direct Messages, deletions; everything else is counted. A pure function of the body, the registry
 * and the time it arrived.
 */
public class TwitterWebhookParser {

    /** Keys that describe the body rather than carry events. */
    private static final Set<String> ENVELOPE =
            Set.of("for_user_id", "user_has_blocked", "users", "apps", "source");

    private static final Set<String> SIGNALS =
            Set.of(
                    "favorite_events",
                    "follow_events",
                    "unfollow_events",
                    "block_events",
                    "unblock_events",
                    "mute_events",
                    "unmute_events",
                    "direct_message_indicate_typing_events",
                    "direct_message_mark_read_events",
                    "user_event");

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);

    private final Function<String, Optional<ConnectedAccount>> accountsByUserId;

    public TwitterWebhookParser(Function<String, Optional<ConnectedAccount>> accountsByUserId) {
        this.accountsByUserId = accountsByUserId;
    }

    public ParsedWebhook parse(byte[] body, Instant receivedAt) {
        JsonNode root = WebhookJson.read(body);
        ParsedWebhook.Collector out = new ParsedWebhook.Collector();
        String brandUserId = WebhookJson.optionalText(root, "for_user_id");
        Optional<ConnectedAccount> account =
                brandUserId == null ? Optional.empty() : accountsByUserId.apply(brandUserId);
        if (account.isEmpty()) {
            out.skip(Reason.UNKNOWN_ACCOUNT, "for_user_id", "user " + brandUserId);
            return out.result();
        }
        Brand brand = new Brand(account.get(), brandUserId, receivedAt);
        root.fieldNames()
                .forEachRemaining(
                        key -> {
                            JsonNode items = root.path(key);
                            switch (key) {
                                case "tweet_create_events" ->
                                        items.forEach(tweet -> tweet(tweet, brand, out));
                                case "direct_message_events" ->
                                        items.forEach(
                                                dm ->
                                                        directMessage(
                                                                dm,
                                                                root.path("users"),
                                                                brand,
                                                                out));
                                case "tweet_delete_events" ->
                                        items.forEach(deletion -> deletion(deletion, brand, out));
                                default -> {
                                    if (SIGNALS.contains(key)) {
                                        out.skip(Reason.NOT_A_MESSAGE, key, null);
                                    } else if (!ENVELOPE.contains(key)) {
                                        out.skip(Reason.UNSUPPORTED, "activity", key);
                                    }
                                }
                            }
                        });
        return out.result();
    }

    private record Brand(ConnectedAccount account, String userId, Instant receivedAt) {
        EventDraft draft() {
            return new EventDraft(account, receivedAt);
        }
    }

    /**
     * A mention that replies to nothing is a POST, a reply a THREAD_REPLY; retweets are not
     * messages.
     */
    private static void tweet(JsonNode tweet, Brand brand, ParsedWebhook.Collector out) {
        if (tweet.has("retweeted_status")) {
            out.skip(Reason.NOT_A_MESSAGE, "retweet", WebhookJson.optionalText(tweet, "id_str"));
            return;
        }
        String id = WebhookJson.optionalText(tweet, "id_str");
        JsonNode user = tweet.path("user");
        String userId = WebhookJson.optionalText(user, "id_str");
        if (id == null || userId == null) {
            out.skip(Reason.UNSUPPORTED, "tweet", "no id_str");
            return;
        }
        String inReplyTo = WebhookJson.optionalText(tweet, "in_reply_to_status_id_str");
        boolean fromBrand = userId.equals(brand.userId());
        // The brand's reply belongs with the consumer it answers.
        String consumerId =
                fromBrand ? WebhookJson.optionalText(tweet, "in_reply_to_user_id_str") : userId;
        EventDraft draft =
                brand.draft()
                        .kind(inReplyTo == null ? MessageKind.POST : MessageKind.THREAD_REPLY)
                        .platformId(id)
                        .author(twitterUser(user, userId, true), fromBrand, consumerId)
                        .text(fullText(tweet))
                        .thread(inReplyTo, null)
                        .quoted(quotedId(tweet))
                        .occurredAt(tweetTime(tweet));
        JsonNode media = tweet.path("extended_tweet").path("extended_entities").path("media");
        if (media.isMissingNode()) {
            media = tweet.path("extended_entities").path("media");
        }
        media.forEach(
                item ->
                        draft.attachment(
                                item.path("type").asText("photo"),
                                WebhookJson.optionalText(item, "media_url_https")));
        out.add(draft.build());
    }

    /**
     * Consumer DMs are private messages; the brand's own (sender is the brand) are brand events.
     */
    private static void directMessage(
            JsonNode dm, JsonNode users, Brand brand, ParsedWebhook.Collector out) {
        if (!"message_create".equals(dm.path("type").asText())) {
            out.skip(Reason.UNSUPPORTED, "direct_message", "type " + dm.path("type").asText());
            return;
        }
        JsonNode create = dm.path("message_create");
        String id = WebhookJson.optionalText(dm, "id");
        String senderId = WebhookJson.optionalText(create, "sender_id");
        if (id == null || senderId == null) {
            out.skip(Reason.UNSUPPORTED, "direct_message", "no id or sender");
            return;
        }
        boolean fromBrand = senderId.equals(brand.userId());
        String recipientId = WebhookJson.optionalText(create.path("target"), "recipient_id");
        JsonNode data = create.path("message_data");
        EventDraft draft =
                brand.draft()
                        .kind(MessageKind.PRIVATE_MESSAGE)
                        .platformId(id)
                        .author(
                                twitterUser(users.path(senderId), senderId, false),
                                fromBrand,
                                fromBrand ? recipientId : senderId)
                        .text(WebhookJson.optionalText(data, "text"))
                        .occurredAt(epochMillis(WebhookJson.optionalLong(dm, "created_timestamp")));
        JsonNode media = data.path("attachment").path("media");
        if (media.isObject()) {
            draft.attachment(
                    media.path("type").asText("photo"),
                    WebhookJson.optionalText(media, "media_url_https"));
        }
        out.add(draft.build());
    }

    /**
     * A deleted tweet. The network says neither whether it was a reply nor what it said; the kind
     * is POST and consumers match the deletion by platform id.
     */
    private static void deletion(JsonNode deletion, Brand brand, ParsedWebhook.Collector out) {
        JsonNode status = deletion.path("status");
        String id = WebhookJson.optionalText(status, "id");
        String userId = WebhookJson.optionalText(status, "user_id");
        if (id == null || userId == null) {
            out.skip(Reason.UNSUPPORTED, "tweet_delete", "no status id or user");
            return;
        }
        boolean fromBrand = userId.equals(brand.userId());
        out.add(
                brand.draft()
                        .kind(MessageKind.POST)
                        .action(LifecycleAction.DELETED)
                        .platformId(id)
                        .author(Author.named(userId, null), fromBrand, fromBrand ? null : userId)
                        .occurredAt(epochMillis(WebhookJson.optionalLong(deletion, "timestamp_ms")))
                        .build());
    }

    /** The profile hints of a user object; the DM {@code users} map has no likes count. */
    private static Author twitterUser(JsonNode user, String id, boolean hasLikes) {
        return new Author(
                id,
                WebhookJson.optionalText(user, "name"),
                WebhookJson.optionalText(user, "screen_name"),
                WebhookJson.optionalText(user, "profile_image_url_https"),
                WebhookJson.optionalText(user, "description"),
                WebhookJson.optionalLong(user, "followers_count"),
                WebhookJson.optionalLong(user, "friends_count"),
                WebhookJson.optionalLong(user, "statuses_count"),
                hasLikes ? WebhookJson.optionalLong(user, "favourites_count") : null);
    }

    /** A tweet over 140 characters carries its whole text in {@code extended_tweet.full_text}. */
    private static String fullText(JsonNode tweet) {
        String extended = WebhookJson.optionalText(tweet.path("extended_tweet"), "full_text");
        if (extended != null) {
            return extended;
        }
        String full = WebhookJson.optionalText(tweet, "full_text");
        return full != null ? full : WebhookJson.optionalText(tweet, "text");
    }

    private static String quotedId(JsonNode tweet) {
        String quoted = WebhookJson.optionalText(tweet, "quoted_status_id_str");
        return quoted != null
                ? quoted
                : WebhookJson.optionalText(tweet.path("quoted_status"), "id_str");
    }

    private static Instant tweetTime(JsonNode tweet) {
        Long millis = WebhookJson.optionalLong(tweet, "timestamp_ms");
        if (millis != null) {
            return Instant.ofEpochMilli(millis);
        }
        String createdAt = WebhookJson.optionalText(tweet, "created_at");
        try {
            return createdAt == null
                    ? null
                    : ZonedDateTime.parse(createdAt, CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant epochMillis(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
