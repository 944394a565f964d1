package org.socialsuite.conversation.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.conversation.reply.ReplyModeAvailability;
import org.socialsuite.conversation.reply.ReplySuggestion;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Visibility;

/** What the agent workspace reads about conversations (DESIGN.md §4). */
public final class ConversationViews {

    private ConversationViews() {}

    public record Consumer(String id, String name) {}

    public record LastMessage(String text, Visibility visibility, Instant occurredAt) {}

    /**
     * The answer the consumer is waiting for; absent while nothing is awaited.
     *
     * @param waitingSince when the consumer's unanswered message was written
     * @param dueAt by when the brand's response-time target says to answer
     * @param first whether no agent has answered this conversation yet
     * @param overdue whether {@code dueAt} had passed when this was read
     */
    public record ResponseDue(Instant waitingSince, Instant dueAt, boolean first, boolean overdue) {

        static ResponseDue of(Conversation c, Instant now) {
            return c.responseDueAt == null
                    ? null
                    : new ResponseDue(
                            c.waitingSince,
                            c.responseDueAt,
                            c.firstResponseAt == null,
                            c.overdue(now));
        }
    }

    /**
     * @param accountName the connected account's display name as it is now (a page renamed by its
     *     administrator shows its new name); null once the account is disconnected
     */
    public record Summary(
            UUID id,
            Channel channel,
            String accountId,
            String accountName,
            Consumer consumer,
            ConversationStatus status,
            String assigneeId,
            ResponseDue responseDue,
            LastMessage lastMessage,
            Instant updatedAt) {

        static Summary of(Conversation c, String accountName, Instant now) {
            LastMessage last =
                    c.lastMessageAt == null
                            ? null
                            : new LastMessage(
                                    c.lastMessageText, c.lastMessageVisibility, c.lastMessageAt);
            return new Summary(
                    c.id,
                    c.channel,
                    c.accountId,
                    accountName,
                    new Consumer(c.consumerId, c.consumerName),
                    c.status,
                    c.assigneeId,
                    ResponseDue.of(c, now),
                    last,
                    c.updatedAt);
        }
    }

    public record Page(List<Summary> items, String nextCursor) {}

    /** A message of the transcript by its ids here and on the network. */
    public record MessageRef(UUID messageId, String platformId) {}

    /**
     * @param defaultReplyMode the visibility of the consumer's last message
     * @param replyModes each mode of the channel: available now, until when, or why not
     * @param suggestion the mode the toggle should start on instead, and why (the consumer's public
     *     message shows personal data); absent otherwise
     * @param latestPublic the consumer's latest public message still on the network (the post
     *     widget shows what it answers), however far back in the transcript; absent if none
     * @param accountName as in {@link Summary}
     * @param assigneeId the agent who owns the conversation; null while it is in the queue
     */
    public record Detail(
            UUID id,
            Channel channel,
            String accountId,
            String accountName,
            String brandId,
            Consumer consumer,
            ConversationStatus status,
            String assigneeId,
            Instant assignedAt,
            ResponseDue responseDue,
            ReplyMode defaultReplyMode,
            List<ReplyModeAvailability> replyModes,
            ReplySuggestion suggestion,
            MessageRef latestPublic,
            Instant createdAt,
            Instant updatedAt) {

        static Detail of(
                Conversation c,
                String accountName,
                ReplyMode defaultMode,
                List<ReplyModeAvailability> modes,
                ReplySuggestion suggestion,
                MessageRef latestPublic,
                Instant now) {
            return new Detail(
                    c.id,
                    c.channel,
                    c.accountId,
                    accountName,
                    c.brandId,
                    new Consumer(c.consumerId, c.consumerName),
                    c.status,
                    c.assigneeId,
                    c.assignedAt,
                    ResponseDue.of(c, now),
                    defaultMode,
                    modes,
                    suggestion,
                    latestPublic,
                    c.createdAt,
                    c.updatedAt);
        }
    }
}
