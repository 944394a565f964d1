package org.socialsuite.ingest.webhook;

import java.util.List;
import org.socialsuite.events.SocialEventReceived;

/**
 * What one webhook body held: the events to publish, and the items deliberately not turned into
 * events, each with the reason (counted, never silently lost).
 */
public record ParsedWebhook(List<SocialEventReceived> events, List<SkippedItem> skipped) {

    public ParsedWebhook {
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
    }

    /**
     * An item that became no event.
     *
     * @param type the network's name for it (delivery, read, reaction, an unknown field, ...)
     */
    public record SkippedItem(Reason reason, String type, String detail) {}

    public enum Reason {
        /** For an account that is not in the registry. */
        UNKNOWN_ACCOUNT,
        /** A receipt or signal, not a message: delivery, read, reaction, postback. */
        NOT_A_MESSAGE,
        /** Something this version does not understand. */
        UNSUPPORTED
    }
}
