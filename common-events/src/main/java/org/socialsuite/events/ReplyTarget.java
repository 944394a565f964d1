package org.socialsuite.events;

import java.time.Instant;

/**
 * Exactly what a reply answers on the network.
 *
 * @param consumerId the consumer's id on the network (PSID, Twitter user id)
 * @param consumerHandle the consumer's @handle, for Twitter mentions
 * @param platformId the comment, post or tweet answered; absent for plain private messages
 * @param messageTag the Messenger tag a private message needs outside the 24 h window
 *     (HUMAN_AGENT), as it stood when the agent sent the reply
 * @param answeredAt when the consumer wrote what the reply answers: the comment, post or tweet, or
 *     for a private message their last private message. The networks' windows run from it, so
 *     outbound-service checks them again when it sends.
 */
public record ReplyTarget(
        String consumerId,
        String consumerHandle,
        String platformId,
        String messageTag,
        Instant answeredAt) {

    public ReplyTarget {
        Require.text(consumerId, "target.consumerId");
    }
}
