package org.socialsuite.profile.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;

/** A consumer as one connected account knows them. */
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
}
