package org.socialsuite.insight.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.events.ConversationEvent.DeliveryStatusChanged;
import org.socialsuite.events.ConversationEvent.MessageRecorded;

/**
 * The facts a run of conversation events holds, one per key: a statement may touch a row once, and
 * a poll may carry a message twice (a replay) or a reply's PENDING with its SENT. Assignment,
 * reopening, edits and moderation change no figure and are passed over.
 */
public record Facts(
        List<MessageRecorded> messages,
        List<DeliveryStatusChanged> deliveries,
        List<ConversationClosed> closures) {

    /** Of two statuses of one reply, the later; at the same instant, the final one. */
    static final Comparator<DeliveryStatusChanged> LATEST =
            Comparator.comparing(DeliveryStatusChanged::changedAt)
                    .thenComparing(delivery -> isFinal(delivery.deliveryStatus()));

    public static Facts of(List<? extends ConversationEvent> events) {
        Map<String, MessageRecorded> messages = new LinkedHashMap<>();
        Map<String, DeliveryStatusChanged> deliveries = new LinkedHashMap<>();
        Map<String, ConversationClosed> closures = new LinkedHashMap<>();
        for (ConversationEvent event : events) {
            if (event instanceof MessageRecorded message) {
                messages.putIfAbsent(message.messageId(), message);
            } else if (event instanceof DeliveryStatusChanged delivery) {
                deliveries.merge(
                        delivery.messageId(),
                        delivery,
                        (one, other) -> LATEST.compare(one, other) >= 0 ? one : other);
            } else if (event instanceof ConversationClosed closed) {
                closures.putIfAbsent(closed.conversationId() + "@" + closed.closedAt(), closed);
            }
        }
        return new Facts(
                new ArrayList<>(messages.values()),
                new ArrayList<>(deliveries.values()),
                new ArrayList<>(closures.values()));
    }

    public boolean isEmpty() {
        return messages.isEmpty() && deliveries.isEmpty() && closures.isEmpty();
    }

    /** PENDING is where every reply starts; SENT, FAILED and DELIVERY_UNKNOWN are where it ends. */
    static boolean isFinal(String deliveryStatus) {
        return !"PENDING".equals(deliveryStatus);
    }
}
