package org.socialsuite.profile.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.SocialEventReceived;

/**
 * A consumer as one connected account knows them. An update writes only the columns it changed:
 * what an event taught and what a fetch brought are written by different transactions.
 */
@DynamicUpdate
@Entity
@Table(name = "consumer_profile")
public class ConsumerProfile extends PanacheEntityBase {

    /** {@code accountId:consumerId}. */
    @Id public String id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "brand_id", nullable = false)
    public String brandId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "consumer_id", nullable = false)
    public String consumerId;

    public String name;
    public String handle;

    @Column(name = "image_url")
    public String imageUrl;

    public String bio;
    public String locale;

    @Column(name = "timezone_offset_hours")
    public Double timezoneOffsetHours;

    @Column(name = "tweet_count")
    public Long tweetCount;

    @Column(name = "like_count")
    public Long likeCount;

    @Column(name = "follower_count")
    public Long followerCount;

    @Column(name = "following_count")
    public Long followingCount;

    @Column(name = "learnt_at", nullable = false)
    public Instant learntAt;

    @Column(name = "fetched_at")
    public Instant fetchedAt;

    /** When the network last answered that it does not know this person (or cannot show them). */
    @Column(name = "not_found_at")
    public Instant notFoundAt;

    /**
     * Until when a replica is fetching it from the network (see ProfileRefresher). Written only by
     * its own statements, never by an entity update that read it earlier.
     */
    @Column(name = "fetch_claimed_until", insertable = false, updatable = false)
    public Instant fetchClaimedUntil;

    /** A consumer first seen in this event, known only by id until its hints are learnt. */
    public static ConsumerProfile of(SocialEventReceived event, Instant now) {
        ConsumerProfile profile = new ConsumerProfile();
        profile.id = event.conversationKey().toString();
        profile.accountId = event.accountId();
        profile.brandId = event.brandId();
        profile.channel = event.channel();
        profile.consumerId = event.conversationKey().consumerId();
        profile.learntAt = now;
        return profile;
    }

    /**
     * Takes what the payload told us; a hint the payload lacked leaves what we knew, so a Messenger
     * message (id only) never erases a name learnt elsewhere.
     */
    public void learn(Author author, Instant now) {
        name = author.name() != null ? author.name() : name;
        handle = author.handle() != null ? author.handle() : handle;
        imageUrl = author.imageUrl() != null ? author.imageUrl() : imageUrl;
        bio = author.bio() != null ? author.bio() : bio;
        tweetCount = author.tweetCount() != null ? author.tweetCount() : tweetCount;
        likeCount = author.likeCount() != null ? author.likeCount() : likeCount;
        followerCount = author.followerCount() != null ? author.followerCount() : followerCount;
        followingCount = author.followingCount() != null ? author.followingCount() : followingCount;
        learntAt = now;
    }

    /**
     * Takes a network's answer; a field it withheld keeps what we knew (Facebook may withhold
     * locale and time zone).
     */
    public void apply(WidgetFields fetched, Instant now) {
        name = fetched.name() != null ? fetched.name() : name;
        handle = fetched.handle() != null ? fetched.handle() : handle;
        imageUrl = fetched.imageUrl() != null ? fetched.imageUrl() : imageUrl;
        bio = fetched.bio() != null ? fetched.bio() : bio;
        locale = fetched.locale() != null ? fetched.locale() : locale;
        timezoneOffsetHours =
                fetched.timezoneOffsetHours() != null
                        ? fetched.timezoneOffsetHours()
                        : timezoneOffsetHours;
        tweetCount = fetched.tweetCount() != null ? fetched.tweetCount() : tweetCount;
        likeCount = fetched.likeCount() != null ? fetched.likeCount() : likeCount;
        followerCount = fetched.followerCount() != null ? fetched.followerCount() : followerCount;
        followingCount =
                fetched.followingCount() != null ? fetched.followingCount() : followingCount;
        fetchedAt = now;
        notFoundAt = null;
    }

    /**
     * Whether the widget can be shown without asking the network: fetched within the expiry, or, on
     * Twitter/X, learnt within it from a user object that carried every count. Facebook's webhooks
     * never carry locale and time zone, so Facebook profiles are always fetched.
     */
    public boolean freshAt(Instant now, Duration ttl) {
        if (fetchedAt != null && now.isBefore(fetchedAt.plus(ttl))) {
            return true;
        }
        boolean completeHints =
                channel == Channel.TWITTER
                        && name != null
                        && handle != null
                        && tweetCount != null
                        && likeCount != null
                        && followerCount != null
                        && followingCount != null;
        return completeHints && now.isBefore(learntAt.plus(ttl));
    }

    /** Whether the network said recently that it does not know this person: not asked again yet. */
    public boolean missingAt(Instant now, Duration ttl) {
        return notFoundAt != null && now.isBefore(notFoundAt.plus(ttl));
    }

    /** What the widget shows, to tell whether anything changed. */
    public WidgetFields widget() {
        return new WidgetFields(
                name,
                handle,
                imageUrl,
                bio,
                locale,
                timezoneOffsetHours,
                tweetCount,
                likeCount,
                followerCount,
                followingCount);
    }

    public ConsumerProfileUpdated updated(Instant now) {
        return new ConsumerProfileUpdated(
                channel,
                consumerId,
                accountId,
                name,
                handle,
                imageUrl,
                bio,
                locale,
                timezoneOffsetHours,
                tweetCount,
                likeCount,
                followerCount,
                followingCount,
                now);
    }
}
