package org.socialsuite.conversation.reply;

import java.util.UUID;
import org.socialsuite.events.ReplyMode;

/**
 * An agent's reply.
 *
 * @param mode PUBLIC, PRIVATE or PRIVATE_RESPONSE; absent means the conversation's default
 * @param inReplyTo the consumer's public message (comment, post, tweet) a public reply or private
 *     response answers; absent means their latest
 * @param personalDataConfirmed the agent confirmed that this public reply may show the personal
 *     data it holds (an address the brand publishes, say); without it such a reply is refused
 */
public record ReplyRequest(
        String text, ReplyMode mode, UUID inReplyTo, boolean personalDataConfirmed) {

    public ReplyRequest(String text, ReplyMode mode) {
        this(text, mode, null, false);
    }
}
