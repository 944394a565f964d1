package org.socialsuite.events;

/**
 * Exactly what a reply answers on the network.
 *
 * @param consumerId the consumer's id on the network (PSID, Twitter user id)
 * @param consumerHandle the consumer's @handle, for Twitter mentions
 * @param platformId the comment, post or tweet answered; absent for plain private messages
 * @param messageTag the Messenger tag a private message needs outside the 24 h window (HUMAN_AGENT)
 */
public record ReplyTarget(
        String consumerId, String consumerHandle, String platformId, String messageTag) {

    public ReplyTarget {
        Require.text(consumerId, "target.consumerId");
    }
}
