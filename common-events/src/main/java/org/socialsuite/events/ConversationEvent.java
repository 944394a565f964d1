package org.socialsuite.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What happened in a conversation, on {@link Topics#CONVERSATION}, keyed by conversation id. The
 * {@code type} property names the event, so one topic carries them all in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConversationEvent.MessageRecorded.class, name = "MessageRecorded"),
    @JsonSubTypes.Type(
            value = ConversationEvent.ConversationClosed.class,
            name = "ConversationClosed"),
    @JsonSubTypes.Type(
            value = ConversationEvent.DeliveryStatusChanged.class,
            name = "DeliveryStatusChanged"),
    @JsonSubTypes.Type(value = ConversationEvent.MessageChanged.class, name = "MessageChanged")
})
public sealed interface ConversationEvent {

    String conversationId();

    String brandId();

    /** A message entered a transcript (an inbound message stored, or an agent reply accepted). */
    record MessageRecorded(
            String conversationId,
            String brandId,
            String accountId,
            Channel channel,
            String messageId,
            MessageDirection direction,
            Visibility visibility,
            MessageKind kind,
            String text,
            Instant occurredAt,
            Instant recordedAt)
            implements ConversationEvent {

        public MessageRecorded {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.text(accountId, "accountId");
            Require.present(channel, "channel");
            Require.text(messageId, "messageId");
            Require.present(direction, "direction");
            Require.present(visibility, "visibility");
            Require.present(occurredAt, "occurredAt");
            Require.present(recordedAt, "recordedAt");
        }
    }

    /** An agent closed the conversation; the consumer's next message opens a new one. */
    record ConversationClosed(
            String conversationId, String brandId, String closedBy, Instant closedAt)
            implements ConversationEvent {

        public ConversationClosed {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.present(closedAt, "closedAt");
        }
    }

    /**
     * An agent's reply changed delivery status: PENDING when accepted, then SENT, FAILED or
     * DELIVERY_UNKNOWN as outbound-service reports.
     */
    record DeliveryStatusChanged(
            String conversationId,
            String brandId,
            String messageId,
            String deliveryStatus,
            String platformMessageId,
            String failureReason,
            Instant changedAt)
            implements ConversationEvent {

        public DeliveryStatusChanged {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.text(messageId, "messageId");
            Require.text(deliveryStatus, "deliveryStatus");
            Require.present(changedAt, "changedAt");
        }
    }

    /**
     * What happened on the network to a message already in a transcript: EDITED (its text replaced,
     * the earlier one kept), DELETED, HIDDEN or UNHIDDEN. Readers fetch the message again.
     */
    record MessageChanged(
            String conversationId,
            String brandId,
            String messageId,
            LifecycleAction change,
            Instant changedAt)
            implements ConversationEvent {

        public MessageChanged {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.text(messageId, "messageId");
            Require.present(change, "change");
            Require.present(changedAt, "changedAt");
        }
    }
}
