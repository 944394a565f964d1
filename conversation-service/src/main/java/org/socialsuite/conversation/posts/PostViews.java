package org.socialsuite.conversation.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;

/**
 * What the workspace's Posts view reads: the brand's posts that drew comments, and those comments.
 */
public final class PostViews {

    private PostViews() {}

    /**
     * One of the brand's posts or tweets with the consumers' comments or replies under it.
     *
     * @param postId the post's or tweet's id on the network
     * @param text the post as the brand wrote it; absent if it came before the account was
     *     connected
     * @param answeredPublicly comments with a public reply from the brand
     * @param movedToPrivate comments answered with a Private Response
     */
    public record Post(
            String postId,
            Channel channel,
            String accountId,
            String text,
            Instant postedAt,
            long comments,
            long unanswered,
            long answeredPublicly,
            long movedToPrivate,
            Instant latestCommentAt) {}

    public enum Answer {
        UNANSWERED,
        ANSWERED_PUBLICLY,
        MOVED_TO_PRIVATE
    }

    /**
     * A consumer's comment under the post, with the brand's latest answer to it.
     *
     * @param reply the answer's delivery (its own message in the consumer's conversation)
     */
    public record Comment(
            UUID messageId,
            UUID conversationId,
            String platformId,
            String authorId,
            String authorName,
            String text,
            Instant occurredAt,
            boolean hidden,
            Answer answer,
            Reply reply) {}

    public record Reply(
            UUID id, ReplyMode mode, DeliveryStatus deliveryStatus, String failureReason) {}

    public record Comments(Post post, List<Comment> items) {}

    /**
     * What a bulk reply did: a reply of its own to each comment it could answer, and why it did not
     * answer the others.
     */
    public record BulkResult(UUID bulkId, List<Sent> sent, List<Refused> refused) {}

    public record Sent(UUID commentId, UUID conversationId, UUID replyId) {}

    public record Refused(UUID commentId, String reason) {}
}
