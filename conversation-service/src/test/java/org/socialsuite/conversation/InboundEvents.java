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

    private InboundEvents() {}

    public static SocialEventReceived consumerMessage(
            String brandId,
            String consumerId,
            MessageKind kind,
            String platformId,
            String text,
            Instant occurredAt) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "facebook:" + platformId + ":CREATED",
                Channel.FACEBOOK,
                brandId + "-facebook",
                brandId,
                kind,
                kind.visibility(),
                LifecycleAction.CREATED,
                false,
                consumerId,
                Author.named(consumerId, kind == MessageKind.COMMENT ? "Ann Lee" : null),
                text,
                List.of(),
                platformId,
                kind == MessageKind.COMMENT ? "1000001_555" : null,
                kind == MessageKind.COMMENT ? "1000001_555" : null,
                null,
                occurredAt,
                occurredAt.plusMillis(30));
    }

    /** A Twitter/X item of a consumer with a handle. */
    public static SocialEventReceived tweet(
            String brandId,
            String consumerId,
            MessageKind kind,
            String platformId,
            String text,
            Instant at) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "twitter:" + platformId + ":CREATED",
                Channel.TWITTER,
                brandId + "-twitter",
                brandId,
                kind,
                kind.visibility(),
                LifecycleAction.CREATED,
                false,
                consumerId,
                new Author(consumerId, "Bob", "bob", null, null, null, null, null, null),
                text,
                List.of(),
                platformId,
                null,
                null,
                null,
                at,
                at.plusMillis(30));
    }

    /** A reply to a comment (parent: that comment; root: the post). */
    public static SocialEventReceived commentReply(
            String brandId,
            String consumerId,
            String platformId,
            String parentId,
            String postId,
            Instant at) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "facebook:" + platformId + ":CREATED",
                Channel.FACEBOOK,
                brandId + "-facebook",
                brandId,
                MessageKind.COMMENT,
                MessageKind.COMMENT.visibility(),
                LifecycleAction.CREATED,
                false,
                consumerId,
                Author.named(consumerId, "Ann Lee"),
                "Same problem here",
                List.of(),
                platformId,
                parentId,
                postId,
                null,
                at,
                at.plusMillis(30));
    }

    /** The same item again, with another action, as the network reports a later change. */
    public static SocialEventReceived lifecycle(
            SocialEventReceived original, LifecycleAction action, String text, Instant at) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "facebook:" + original.platformId() + ":" + action + ":" + at.getEpochSecond(),
                original.channel(),
                original.accountId(),
                original.brandId(),
                original.kind(),
                original.visibility(),
                action,
                false,
                original.consumerId(),
                original.author(),
                text,
                List.of(),
                original.platformId(),
                original.parentPlatformId(),
                original.rootPlatformId(),
                null,
                at,
                at.plusMillis(30));
    }

    /** The network's echo of a message the page sent to the consumer. */
    public static SocialEventReceived echo(
            String brandId, String consumerId, String platformId, String text) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "facebook:" + platformId + ":CREATED",
                Channel.FACEBOOK,
                brandId + "-facebook",
                brandId,
                MessageKind.PRIVATE_MESSAGE,
                MessageKind.PRIVATE_MESSAGE.visibility(),
                LifecycleAction.CREATED,
                true,
                consumerId,
                Author.named("1000001", "AcmeCare"),
                text,
                List.of(),
                platformId,
                null,
                null,
                null,
                Instant.parse("2026-01-01T11:00:00Z"),
                Instant.parse("2026-01-01T11:00:01Z"));
    }

    /** The brand's own post on its page: context, belonging to no consumer. */
    public static SocialEventReceived brandPost(String brandId, String platformId, String text) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "facebook:" + platformId + ":CREATED",
                Channel.FACEBOOK,
                brandId + "-facebook",
                brandId,
                MessageKind.POST,
                MessageKind.POST.visibility(),
                LifecycleAction.CREATED,
                true,
                null,
                Author.named("1000001", "AcmeCare"),
                text,
                List.of(),
                platformId,
                null,
                null,
                null,
                Instant.parse("2026-01-01T09:00:00Z"),
                Instant.parse("2026-01-01T09:00:01Z"));
    }

    public static void publish(SocialEventReceived event) {
        TestEvents.publish(Topics.INBOUND, event.conversationKey().toString(), event);
    }
}
