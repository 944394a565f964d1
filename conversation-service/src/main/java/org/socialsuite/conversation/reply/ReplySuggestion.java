package org.socialsuite.conversation.reply;

import org.socialsuite.events.ReplyMode;

/**
 * The mode the toggle should start on instead of the consumer's last visibility, and why: their
 * public message shows personal data, so the answer should not join it in public.
 */
public record ReplySuggestion(ReplyMode mode, String reason) {}
