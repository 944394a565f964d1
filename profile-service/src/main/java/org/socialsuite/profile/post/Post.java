package org.socialsuite.profile.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.socialsuite.events.Channel;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.profile.network.FetchedPost;
import org.socialsuite.profile.network.Permalinks;

/** A post, comment or tweet as one connected account knows it. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

    public enum Source {
        EVENT,
        NETWORK
    }

    /** {@code accountId:platformId}. */
    @Id public String id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "brand_id", nullable = false)
    public String brandId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "platform_id", nullable = false)
    public String platformId;

    @Column(name = "parent_platform_id")
    public String parentPlatformId;

    @Column(name = "root_platform_id")
    public String rootPlatformId;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_handle")
    public String authorHandle;

    public String text;

    @Column(name = "created_at")
    public Instant createdAt;

    public String permalink;

    public boolean deleted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;

    public static String idOf(String accountId, String platformId) {
        return accountId + ":" + platformId;
    }

    public static Post fresh(String accountId, String brandId, Channel channel, String platformId) {
        Post post = new Post();
        post.id = idOf(accountId, platformId);
        post.accountId = accountId;
        post.brandId = brandId;
        post.channel = channel;
        post.platformId = platformId;
        return post;
    }

    /** What an event says about the item; an edit replaces the text, a removal marks it. */
    public void learn(SocialEventReceived event, Instant now) {
        switch (event.action()) {
            case DELETED -> deleted = true;
            case EDITED -> text = event.text() != null ? event.text() : text;
            case CREATED -> {
                parentPlatformId = event.parentPlatformId();
                rootPlatformId = event.rootPlatformId();
                authorId = event.author().id();
                authorName = event.author().name();
                authorHandle = event.author().handle();
                text = event.text();
                createdAt = event.occurredAt();
                permalink = permalinkOf(event);
            }
            default -> {
                // Hidden or unhidden: still the same post in its thread.
            }
        }
        source = source == null ? Source.EVENT : source;
        storedAt = now;
    }

    void learn(FetchedPost fetched, Instant now) {
        parentPlatformId = fetched.parentPlatformId();
        rootPlatformId = fetched.rootPlatformId();
        authorId = fetched.authorId();
        authorName = fetched.authorName();
        authorHandle = fetched.authorHandle();
        text = fetched.text();
        createdAt = fetched.createdAt();
        permalink =
                fetched.permalink() != null
                        ? fetched.permalink()
                        : Permalinks.facebook(platformId, rootPlatformId);
        source = Source.NETWORK;
        storedAt = now;
    }

    /**
     * What this post answers. A top-level Facebook comment fetched from the Graph API names no
     * parent; it answers the thread's root.
     */
    String parentIn(String threadRoot) {
        if (parentPlatformId != null) {
            return parentPlatformId;
        }
        String root = rootPlatformId != null ? rootPlatformId : threadRoot;
        return root != null && !root.equals(platformId) ? root : null;
    }

    private static String permalinkOf(SocialEventReceived event) {
        return event.channel() == Channel.TWITTER
                ? Permalinks.tweet(event.author().handle(), event.platformId())
                : Permalinks.facebook(event.platformId(), event.rootPlatformId());
    }
}
