package org.socialsuite.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

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
    @JsonSubTypes.Type(value = ConversationEvent.MessageChanged.class, name = "MessageChanged"),
    @JsonSubTypes.Type(
            value = ConversationEvent.ConversationAssigned.class,
            name = "ConversationAssigned"),
    @JsonSubTypes.Type(
            value = ConversationEvent.ConversationUnassigned.class,
            name = "ConversationUnassigned"),
    @JsonSubTypes.Type(
            value = ConversationEvent.ConversationReopened.class,
            name = "ConversationReopened"),
    @JsonSubTypes.Type(
            value = ConversationEvent.ModerationChanged.class,
            name = "ModerationChanged")
})
public sealed interface ConversationEvent {

    String conversationId();

    String brandId();

    /**
     * A message entered a transcript (an inbound message stored, or an agent reply accepted).
     *
     * @param personalData the kinds of personal data a consumer's public message shows everyone
     *     (empty when none, and for private messages); absent in events written before it existed
     * @param agentId the agent who wrote a reply in the workspace; absent for the consumer's
     *     messages and for what the brand sent from the network's own tools
     * @param replyMode how an agent's reply goes out (a Private Response is PRIVATE to the eye);
     *     absent for everything else
     * @param sentOutside the brand sent it from the network's own tools, not from the workspace
     */
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
            Instant recordedAt,
            List<PersonalDataKind> personalData,
            String agentId,
            ReplyMode replyMode,
            boolean sentOutside)
            implements ConversationEvent {

        public MessageRecorded {
            personalData = personalData == null ? List.of() : List.copyOf(personalData);
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

    /**
     * An agent closed the conversation; the consumer's next message reopens it to the queue (or,
     * once the brand's reopen window has passed, opens a new one).
     */
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

    /**
     * The conversation has an owner now: taken by an agent, assigned to one, or transferred from
     * {@code previousAssigneeId} (null when it came from the queue).
     */
    record ConversationAssigned(
            String conversationId,
            String brandId,
            String assigneeId,
            String previousAssigneeId,
            String assignedBy,
            Instant assignedAt)
            implements ConversationEvent {

        public ConversationAssigned {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.text(assigneeId, "assigneeId");
            Require.text(assignedBy, "assignedBy");
            Require.present(assignedAt, "assignedAt");
        }
    }

    /** The conversation went back to its brand's queue. */
    record ConversationUnassigned(
            String conversationId,
            String brandId,
            String previousAssigneeId,
            String unassignedBy,
            Instant unassignedAt)
            implements ConversationEvent {

        public ConversationUnassigned {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.text(previousAssigneeId, "previousAssigneeId");
            Require.text(unassignedBy, "unassignedBy");
            Require.present(unassignedAt, "unassignedAt");
        }
    }

    /**
     * The consumer wrote again into a closed conversation: it is open again, in the queue, with a
     * response due by {@code responseDueAt}.
     */
    record ConversationReopened(
            String conversationId, String brandId, Instant responseDueAt, Instant reopenedAt)
            implements ConversationEvent {

        public ConversationReopened {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.present(reopenedAt, "reopenedAt");
        }
    }

    /**
     * An agent's moderation of a consumer's item (HIDE, UNHIDE, DELETE, LIKE) changed status:
     * PENDING when asked, then SENT (done on the network), FAILED or DELIVERY_UNKNOWN. Readers
     * fetch the message again.
     */
    record ModerationChanged(
            String conversationId,
            String brandId,
            String messageId,
            String moderationId,
            OutboundAction action,
            String status,
            String failureReason,
            String agentId,
            Instant changedAt)
            implements ConversationEvent {

        public ModerationChanged {
            Require.text(conversationId, "conversationId");
            Require.text(brandId, "brandId");
            Require.text(messageId, "messageId");
            Require.text(moderationId, "moderationId");
            Require.present(action, "action");
            Require.text(status, "status");
            Require.present(changedAt, "changedAt");
        }
    }
}
