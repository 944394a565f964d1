package org.socialsuite.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.TestEvents;

/** Inbound events as ingest-service publishes them. */
public final class InboundEvents {

    private static final Author PAGE = Author.named("1000001", "AcmeCare");

    private InboundEvents() {}

    /** A consumer's new message; a comment hangs under the brand's post 1000001_555. */
    public static SocialEventReceived consumerMessage(
            String brandId,
            String consumerId,
            MessageKind kind,
            String platformId,
            String text,
            Instant occurredAt) {
        boolean comment = kind == MessageKind.COMMENT;
        return event(
                Channel.FACEBOOK,
                brandId,
                kind,
                LifecycleAction.CREATED,
                null,
                false,
                consumerId,
                Author.named(consumerId, comment ? "Ann Lee" : null),
                text,
                platformId,
                comment ? "1000001_555" : null,
                comment ? "1000001_555" : null,
                occurredAt);
    }

    /** A Twitter/X item of a consumer with a handle. */
    public static SocialEventReceived tweet(
            String brandId,
            String consumerId,
            MessageKind kind,
            String platformId,
            String text,
            Instant at) {
        return event(
                Channel.TWITTER,
                brandId,
                kind,
                LifecycleAction.CREATED,
                null,
                false,
                consumerId,
                new Author(consumerId, "Bob", "bob", null, null, null, null, null, null),
                text,
                platformId,
                null,
                null,
                at);
    }

    /** A reply to a comment (parent: that comment; root: the post). */
    public static SocialEventReceived commentReply(
            String brandId,
            String consumerId,
            String platformId,
            String parentId,
            String postId,
            Instant at) {
        return event(
                Channel.FACEBOOK,
                brandId,
                MessageKind.COMMENT,
                LifecycleAction.CREATED,
                null,
                false,
                consumerId,
                Author.named(consumerId, "Ann Lee"),
                "Same problem here",
                platformId,
                parentId,
                postId,
                at);
    }

    /** The same item again, with another action, as the network reports a later change. */
    public static SocialEventReceived lifecycle(
            SocialEventReceived original, LifecycleAction action, String text, Instant at) {
        return event(
                original.channel(),
                original.brandId(),
                original.kind(),
                action,
                Long.toString(at.getEpochSecond()),
                false,
                original.consumerId(),
                original.author(),
                text,
                original.platformId(),
                original.parentPlatformId(),
                original.rootPlatformId(),
                at);
    }

    /** The network's echo of a message the page sent to the consumer. */
    public static SocialEventReceived echo(
            String brandId, String consumerId, String platformId, String text) {
        return event(
                Channel.FACEBOOK,
                brandId,
                MessageKind.PRIVATE_MESSAGE,
                LifecycleAction.CREATED,
                null,
                true,
                consumerId,
                PAGE,
                text,
                platformId,
                null,
                null,
                Instant.parse("2026-01-01T11:00:00Z"));
    }

    /** The page's comment under another comment, as the feed reports it: no consumer named. */
    public static SocialEventReceived pageComment(
            String brandId, String platformId, String parentId, String text) {
        return event(
                Channel.FACEBOOK,
                brandId,
                MessageKind.COMMENT,
                LifecycleAction.CREATED,
                null,
                true,
                null,
                PAGE,
                text,
                platformId,
                parentId,
                "1000001_555",
                Instant.parse("2026-01-01T11:00:00Z"));
    }

    /** The brand's reply tweet, which belongs with the consumer it answers. */
    public static SocialEventReceived brandTweet(
            String brandId, String consumerId, String platformId, String inReplyTo, String text) {
        return event(
                Channel.TWITTER,
                brandId,
                MessageKind.THREAD_REPLY,
                LifecycleAction.CREATED,
                null,
                true,
                consumerId,
                new Author("2000001", "AcmeCare", "AcmeCare", null, null, null, null, null, null),
                text,
                platformId,
                inReplyTo,
                null,
                Instant.parse("2026-01-01T11:00:00Z"));
    }

    /** The brand's own post on its page: context, belonging to no consumer. */
    public static SocialEventReceived brandPost(String brandId, String platformId, String text) {
        return event(
                Channel.FACEBOOK,
                brandId,
                MessageKind.POST,
                LifecycleAction.CREATED,
                null,
                true,
                null,
                PAGE,
                text,
                platformId,
                null,
                null,
                Instant.parse("2026-01-01T09:00:00Z"));
    }

    /** The same item under another event id, as a network's second delivery of it may be. */
    public static SocialEventReceived underAnotherEventId(SocialEventReceived e) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                e.platformEventId() + ":again",
                e.channel(),
                e.accountId(),
                e.brandId(),
                e.kind(),
                e.visibility(),
                e.action(),
                e.fromBrand(),
                e.consumerId(),
                e.author(),
                e.text(),
                e.attachments(),
                e.platformId(),
                e.parentPlatformId(),
                e.rootPlatformId(),
                e.quotedPlatformId(),
                e.occurredAt(),
                e.receivedAt());
    }

    public static void publish(SocialEventReceived event) {
        TestEvents.publish(Topics.INBOUND, event.conversationKey().toString(), event);
    }

    /**
     * @param versionTag told apart repeated changes of one item, as ingest does (the change time)
     */
    private static SocialEventReceived event(
            Channel channel,
            String brandId,
            MessageKind kind,
            LifecycleAction action,
            String versionTag,
            boolean fromBrand,
            String consumerId,
            Author author,
            String text,
            String platformId,
            String parentPlatformId,
            String rootPlatformId,
            Instant occurredAt) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                channel.name().toLowerCase()
                        + ":"
                        + platformId
                        + ":"
                        + action
                        + (versionTag == null ? "" : ":" + versionTag),
                channel,
                brandId + "-" + channel.name().toLowerCase(),
                brandId,
                kind,
                kind.visibility(),
                action,
                fromBrand,
                consumerId,
                author,
                text,
                List.of(),
                platformId,
                parentPlatformId,
                rootPlatformId,
                null,
                occurredAt,
                occurredAt.plusMillis(30));
    }
}
