package org.socialsuite.conversation.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.conversation.reply.ReplyModeAvailability;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Visibility;

/** What the agent workspace reads about conversations (DESIGN.md §4). */
public final class ConversationViews {

    private ConversationViews() {}

    public record Consumer(String id, String name) {}

    public record LastMessage(String text, Visibility visibility, Instant occurredAt) {}

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
            LastMessage lastMessage,
            Instant updatedAt) {

        static Summary of(Conversation c, String accountName) {
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
     * @param latestPublic the consumer's latest public message still on the network (the post
     *     widget shows what it answers), however far back in the transcript; absent if none
     * @param accountName as in {@link Summary}
     */
    public record Detail(
            UUID id,
            Channel channel,
            String accountId,
            String accountName,
            String brandId,
            Consumer consumer,
            ConversationStatus status,
            ReplyMode defaultReplyMode,
            List<ReplyModeAvailability> replyModes,
            MessageRef latestPublic,
            Instant createdAt,
            Instant updatedAt) {

        static Detail of(
                Conversation c,
                String accountName,
                ReplyMode defaultMode,
                List<ReplyModeAvailability> modes,
                MessageRef latestPublic) {
            return new Detail(
                    c.id,
                    c.channel,
                    c.accountId,
                    accountName,
                    c.brandId,
                    new Consumer(c.consumerId, c.consumerName),
                    c.status,
                    defaultMode,
                    modes,
                    latestPublic,
                    c.createdAt,
                    c.updatedAt);
        }
    }
}
