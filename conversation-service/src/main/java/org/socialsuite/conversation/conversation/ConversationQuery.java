package org.socialsuite.conversation.conversation;

import org.socialsuite.events.Channel;

/**
 * Which of a brand's conversations a list shows, and in what order.
 *
 * @param status null for any
 * @param channel null for any
 * @param agentId the agent asking, whose conversations {@link View#MINE} shows
 */
public record ConversationQuery(
        String brandId,
        String agentId,
        ConversationStatus status,
        Channel channel,
        View view,
        Sort sort) {

    public enum View {
        /** Every conversation of the brand. */
        ALL,
        /** Those the asking agent owns. */
        MINE,
        /** Those in the brand's queue: nobody owns them. */
        UNASSIGNED
    }

    public enum Sort {
        /** The most recent activity first. */
        ACTIVITY,
        /** Only conversations awaiting an answer, the soonest due first (overdue ones lead). */
        DUE
    }
}
