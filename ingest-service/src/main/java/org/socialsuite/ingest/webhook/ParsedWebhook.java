package org.socialsuite.ingest.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
     * @param type what it is, from a closed set (delivery, read, reaction, feed, activity, ...): it
     *     becomes a metric tag, so it never carries a name taken from the payload
     * @param detail the payload's own words for it, for logs only
     */
    public record SkippedItem(Reason reason, String type, String detail) {}

    public enum Reason {
        /** For an account that is not in the registry. */
        UNKNOWN_ACCOUNT,
        /** A receipt, signal or reaction, not a message: delivery, read, reaction, a retweet. */
        NOT_A_MESSAGE,
        /** Something this version does not understand. */
        UNSUPPORTED,
        /** Of a visibility the account's administrator turned off (public or private). */
        TURNED_OFF
    }

    /**
     * The same webhook with the events {@code taken} refuses moved to the skipped items, as {@link
     * Reason#TURNED_OFF} of their kind.
     */
    public ParsedWebhook keeping(Predicate<SocialEventReceived> taken) {
        List<SocialEventReceived> kept = new ArrayList<>(events.size());
        List<SkippedItem> notTaken = new ArrayList<>(skipped);
        for (SocialEventReceived event : events) {
            if (taken.test(event)) {
                kept.add(event);
            } else {
                notTaken.add(
                        new SkippedItem(
                                Reason.TURNED_OFF,
                                event.kind().name(),
                                event.accountId() + " takes no " + event.visibility() + " items"));
            }
        }
        return kept.size() == events.size() ? this : new ParsedWebhook(kept, notTaken);
    }

    /** Collects a body's events and skipped items in payload order. */
    public static final class Collector {
        private final List<SocialEventReceived> events = new ArrayList<>();
        private final List<SkippedItem> skipped = new ArrayList<>();

        public void add(SocialEventReceived event) {
            events.add(event);
        }

        public void skip(Reason reason, String type, String detail) {
            skipped.add(new SkippedItem(reason, type, detail));
        }

        public ParsedWebhook result() {
            return new ParsedWebhook(events, skipped);
        }
    }
}
