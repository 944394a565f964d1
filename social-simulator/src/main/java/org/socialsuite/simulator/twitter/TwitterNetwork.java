package org.socialsuite.simulator.twitter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;
import org.socialsuite.simulator.quota.QuotaCounter;
import org.socialsuite.simulator.quota.QuotaCounter.Usage;
import org.socialsuite.simulator.webhook.WebhookOutbox;
import org.socialsuite.simulator.world.DemoPeople;
import org.socialsuite.simulator.world.DirectMessage;
import org.socialsuite.simulator.world.Person;
import org.socialsuite.simulator.world.SocialWorld;
import org.socialsuite.simulator.world.Tweet;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.support.rules.ReplyLength;
import org.socialsuite.support.rules.TwitterText;

/**
 * Twitter/X as brands and people use it: people mention the brand, reply in threads and send DMs;
 * brands answer through API v2 under its rules (weighted length, quotas with 429s, DMs only to
 * people who wrote first). Everything goes to ingest as Account Activity webhooks, the brand's own
 * tweets and DMs included.
 */
@ApplicationScoped
public class TwitterNetwork {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    private final SocialWorld world;
    private final WebhookOutbox webhooks;
    private final BrandAccounts accounts;
    private final QuotaCounter tweetQuota;
    private final QuotaCounter dmQuota;
    private final Clock clock;

    public TwitterNetwork(
            SocialWorld world,
            WebhookOutbox webhooks,
            BrandAccounts accounts,
            SimulatorConfig config,
            Clock clock) {
        this.world = world;
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.tweetQuota =
                new QuotaCounter(config.quotas().twitterTweets(), config.quotas().window(), clock);
        this.dmQuota =
                new QuotaCounter(
                        config.quotas().twitterDirectMessages(), config.quotas().window(), clock);
        this.clock = clock;
    }

    public List<ConnectedAccount> brands() {
        return accounts.on(Channel.TWITTER);
    }

    /** A call's result and where the caller's quota stands after it. */
    public record Counted<T>(T value, Usage usage) {}

    // People, played from the console.

    /** A tweet at the brand, or a reply in a thread; it mentions the brand if the text does not. */
    public Tweet tweetAt(String brandUserId, String personId, String text, String inReplyToId) {
        ConnectedAccount brand = brand(brandUserId);
        Person person = person(personId);
        String mention = "@" + brand.handle().orElse("");
        String body = text.contains(mention) ? text : mention + " " + text;
        Tweet tweet = addTweet(personId, body, inReplyToId);
        webhooks.twitter(
                brandUserId,
                "tweet_create_events",
                tweetEvent(tweet, userObject(person)),
                Map.of());
        return tweet;
    }

    public DirectMessage directMessageFrom(String brandUserId, String personId, String text) {
        ConnectedAccount brand = brand(brandUserId);
        Person person = person(personId);
        DirectMessage message =
                new DirectMessage(
                        world.nextDirectMessageId(), brandUserId, personId, false, text, now());
        world.add(message);
        webhooks.twitter(
                brandUserId,
                "direct_message_events",
                dmEvent(message, personId, brandUserId),
                Map.of(personId, usersMapEntry(person), brandUserId, brandUsersMapEntry(brand)));
        return message;
    }

    /** The brand's own tweet (not a reply), which people then answer in threads. */
    public Tweet brandTweet(String brandUserId, String text) {
        ConnectedAccount brand = brand(brandUserId);
        Tweet tweet = addTweet(brandUserId, text, null);
        webhooks.twitter(
                brandUserId,
                "tweet_create_events",
                tweetEvent(tweet, brandUserObject(brand)),
                Map.of());
        return tweet;
    }

    // Brands, through API v2.

    public Counted<Tweet> tweet(String bearer, String text, String inReplyToId) {
        ConnectedAccount brand = authorise(bearer);
        if (text == null || text.isBlank()) {
            throw TwitterRefusal.invalid("The text field is required");
        }
        int weight = TwitterText.weightedLength(text);
        if (weight > TwitterText.MAX_WEIGHTED_LENGTH) {
            throw TwitterRefusal.invalid(
                    "Your Tweet text is too long: it weighs " + weight + " of 280.");
        }
        if (inReplyToId != null && world.tweet(inReplyToId).isEmpty()) {
            throw TwitterRefusal.invalid(
                    "The Tweet you are replying to was deleted or is not visible to you.");
        }
        Usage usage =
                tweetQuota.take(
                        brand.externalId(),
                        () -> TwitterRefusal.tooManyRequests(tweetQuota.usage(brand.externalId())));
        Tweet tweet = addTweet(brand.externalId(), text, inReplyToId);
        webhooks.twitter(
                brand.externalId(),
                "tweet_create_events",
                tweetEvent(tweet, brandUserObject(brand)),
                Map.of());
        return new Counted<>(tweet, usage);
    }

    /** {@code POST /2/users/{id}/likes}: the brand's account likes a tweet. */
    public void like(String bearer, String userId, String tweetId) {
        ConnectedAccount brand = authorise(bearer);
        if (!brand.externalId().equals(userId)) {
            throw TwitterRefusal.forbidden("You are not permitted to like Tweets as another user.");
        }
        if (tweetId == null || world.tweet(tweetId).isEmpty()) {
            throw TwitterRefusal.invalid(
                    "The Tweet you are liking was deleted or is not visible to you.");
        }
        world.like(tweetId);
    }

    public Counted<DirectMessage> directMessage(String bearer, String personId, String text) {
        ConnectedAccount brand = authorise(bearer);
        if (text == null || text.isBlank()) {
            throw TwitterRefusal.invalid("The text field is required");
        }
        if (text.codePointCount(0, text.length()) > ReplyLength.TWITTER_DM) {
            throw TwitterRefusal.invalid("The text of a Direct Message may have 10000 characters.");
        }
        boolean wroteFirst =
                !world.directMessages(
                                m ->
                                        m.brandUserId().equals(brand.externalId())
                                                && m.personId().equals(personId)
                                                && !m.fromBrand())
                        .isEmpty();
        if (DemoPeople.twitter(personId).isEmpty() || !wroteFirst) {
            throw TwitterRefusal.forbidden(
                    "You cannot send messages to users who have not messaged you first.");
        }
        Usage usage =
                dmQuota.take(
                        brand.externalId(),
                        () -> TwitterRefusal.tooManyRequests(dmQuota.usage(brand.externalId())));
        DirectMessage message =
                new DirectMessage(
                        world.nextDirectMessageId(),
                        brand.externalId(),
                        personId,
                        true,
                        text,
                        now());
        world.add(message);
        webhooks.twitter(
                brand.externalId(),
                "direct_message_events",
                dmEvent(message, brand.externalId(), personId),
                Map.of(
                        personId,
                        usersMapEntry(person(personId)),
                        brand.externalId(),
                        brandUsersMapEntry(brand)));
        return new Counted<>(message, usage);
    }

    public Optional<Person> person(String id, boolean orBrand) {
        Optional<Person> person = DemoPeople.twitter(id);
        if (person.isPresent() || !orBrand) {
            return person;
        }
        return accounts.byExternalId(Channel.TWITTER, id).map(TwitterNetwork::asPerson);
    }

    public Optional<Tweet> tweet(String id) {
        return world.tweet(id);
    }

    private Tweet addTweet(String authorId, String text, String inReplyToId) {
        Tweet parent = inReplyToId == null ? null : world.tweet(inReplyToId).orElse(null);
        String id = world.nextTweetId();
        Tweet tweet =
                new Tweet(
                        id,
                        authorId,
                        text,
                        parent == null ? null : parent.id(),
                        parent == null ? null : parent.authorId(),
                        parent == null ? id : parent.conversationId(),
                        now());
        world.add(tweet);
        return tweet;
    }

    private ObjectNode tweetEvent(Tweet tweet, ObjectNode user) {
        ObjectNode event =
                NODES.objectNode()
                        .put("id_str", tweet.id())
                        .put("created_at", CREATED_AT.format(tweet.createdAt()))
                        .put("timestamp_ms", Long.toString(tweet.createdAt().toEpochMilli()));
        boolean longTweet = tweet.text().codePointCount(0, tweet.text().length()) > 140;
        if (longTweet) {
            int cut = tweet.text().offsetByCodePoints(0, 139);
            event.put("text", tweet.text().substring(0, cut) + "…").put("truncated", true);
            event.putObject("extended_tweet").put("full_text", tweet.text());
        } else {
            event.put("text", tweet.text()).put("truncated", false);
        }
        event.put("in_reply_to_status_id_str", tweet.inReplyToId());
        event.put("in_reply_to_user_id_str", tweet.inReplyToUserId());
        event.set("user", user);
        ObjectNode entities = event.putObject("entities");
        entities.putArray("hashtags");
        entities.putArray("urls");
        var mentions = entities.putArray("user_mentions");
        for (ConnectedAccount brand : brands()) {
            String handle = "@" + brand.handle().orElse("");
            int at = tweet.text().indexOf(handle);
            if (at >= 0) {
                ObjectNode mention =
                        mentions.addObject()
                                .put("screen_name", brand.handle().orElse(""))
                                .put("id_str", brand.externalId());
                mention.putArray("indices").add(at).add(at + handle.length());
            }
        }
        return event;
    }

    private static ObjectNode dmEvent(DirectMessage message, String senderId, String recipientId) {
        ObjectNode event =
                NODES.objectNode()
                        .put("type", "message_create")
                        .put("id", message.id())
                        .put("created_timestamp", Long.toString(message.at().toEpochMilli()));
        ObjectNode create = event.putObject("message_create");
        create.putObject("target").put("recipient_id", recipientId);
        create.put("sender_id", senderId);
        ObjectNode data = create.putObject("message_data").put("text", message.text());
        ObjectNode entities = data.putObject("entities");
        entities.putArray("hashtags");
        entities.putArray("urls");
        entities.putArray("user_mentions");
        return event;
    }

    /** A tweet's user object (PLATFORMS.md): every widget field, the like count included. */
    private static ObjectNode userObject(Person person) {
        return usersMapEntry(person)
                .put("favourites_count", person.likes())
                .put("profile_image_url_https", person.imageUrl());
    }

    /** The DM users map: string ids, no like count. */
    private static ObjectNode usersMapEntry(Person person) {
        return NODES.objectNode()
                .put("id", person.id())
                .put("id_str", person.id())
                .put("name", person.name())
                .put("screen_name", person.handle())
                .put("description", person.bio())
                .put("followers_count", person.followers())
                .put("friends_count", person.following())
                .put("statuses_count", person.tweets())
                .put("profile_image_url_https", person.imageUrl());
    }

    private static ObjectNode brandUserObject(ConnectedAccount brand) {
        return userObject(asPerson(brand));
    }

    private static ObjectNode brandUsersMapEntry(ConnectedAccount brand) {
        return usersMapEntry(asPerson(brand));
    }

    private static Person asPerson(ConnectedAccount brand) {
        String handle = brand.handle().orElse(brand.externalId());
        return new Person(
                brand.externalId(),
                handle,
                null,
                handle,
                "Customer care",
                null,
                null,
                52_000,
                12,
                18_400,
                950);
    }

    private ConnectedAccount authorise(String bearer) {
        return accounts.authorised(Channel.TWITTER, bearer)
                .orElseThrow(TwitterRefusal::unauthorized);
    }

    private ConnectedAccount brand(String brandUserId) {
        return accounts.byExternalId(Channel.TWITTER, brandUserId)
                .orElseThrow(
                        () -> new IllegalArgumentException("No Twitter/X brand " + brandUserId));
    }

    private static Person person(String personId) {
        return DemoPeople.twitter(personId)
                .orElseThrow(() -> new IllegalArgumentException("No Twitter/X person " + personId));
    }

    private Instant now() {
        return clock.instant();
    }
}
