package org.socialsuite.conversation.reply;

import org.socialsuite.events.ReplyMode;

/**
 * An agent's reply.
 *
 * @param mode PUBLIC, PRIVATE or PRIVATE_RESPONSE; absent means the conversation's default
 */
public record ReplyRequest(String text, ReplyMode mode) {}
