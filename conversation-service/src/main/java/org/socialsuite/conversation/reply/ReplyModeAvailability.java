package org.socialsuite.conversation.reply;

import java.time.Instant;
import org.socialsuite.events.ReplyMode;

/**
 * Whether the network would accept a reply in this mode right now.
 *
 * @param reason why not, in words an agent understands; absent when available
 * @param availableUntil when a timed mode runs out (the Messenger window, the private-reply limit)
 * @param messageTag the Messenger tag the reply needs (HUMAN_AGENT between 24 h and 7 days)
 */
public record ReplyModeAvailability(
        ReplyMode mode,
        boolean available,
        String reason,
        Instant availableUntil,
        String messageTag) {

    static ReplyModeAvailability open(ReplyMode mode, Instant until) {
        return new ReplyModeAvailability(mode, true, null, until, null);
    }

    static ReplyModeAvailability tagged(ReplyMode mode, Instant until, String tag) {
        return new ReplyModeAvailability(mode, true, null, until, tag);
    }

    static ReplyModeAvailability closed(ReplyMode mode, String reason) {
        return new ReplyModeAvailability(mode, false, reason, null, null);
    }
}
