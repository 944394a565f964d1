package org.socialsuite.conversation.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.moderation.Moderation;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.ConversationAssigned;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.events.ConversationEvent.ConversationReopened;
import org.socialsuite.events.ConversationEvent.ConversationUnassigned;
import org.socialsuite.events.ConversationEvent.DeliveryStatusChanged;
import org.socialsuite.events.ConversationEvent.MessageChanged;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.ConversationEvent.ModerationChanged;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.Topics;
import org.socialsuite.support.outbox.Outbox;

/**
 * What happened in conversations, announced on {@code social.conversation.v1} through the outbox,
 * in the transaction of the change itself. The live stream and later analytics read it.
 */
@ApplicationScoped
public class ConversationEvents {

    private final Outbox outbox;

    public ConversationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> messageRecorded(Conversation conversation, Message message, Instant now) {
        return announce(recorded(conversation, message, now));
    }

    /**
     * The announcement of a message entering a transcript; a removed message's text is left out.
     */
    public static MessageRecorded recorded(
            Conversation conversation, Message message, Instant now) {
        return new MessageRecorded(
                conversation.id.toString(),
                conversation.brandId,
                conversation.accountId,
                conversation.channel,
                message.id.toString(),
                message.direction,
                message.visibility,
                message.kind,
                message.deleted ? null : message.text,
                message.occurredAt,
                now,
                message.deleted ? List.of() : message.personalData,
                agentReply(message) ? message.authorId : null,
                message.replyMode,
                message.sentOutside);
    }

    /** A reply an agent wrote in the workspace: its author is the agent. */
    private static boolean agentReply(Message message) {
        return message.direction == MessageDirection.OUTBOUND && !message.sentOutside;
    }

    public Uni<Void> deliveryChanged(Conversation conversation, Message message, Instant now) {
        return announce(
                new DeliveryStatusChanged(
                        conversation.id.toString(),
                        conversation.brandId,
                        message.id.toString(),
                        message.deliveryStatus.name(),
                        message.platformId,
                        message.failureReason,
                        now));
    }

    /** Readers show the message as it now is by fetching it again. */
    public Uni<Void> messageChanged(
            String brandId, Message message, LifecycleAction change, Instant now) {
        return announce(
                new MessageChanged(
                        message.conversationId.toString(),
                        brandId,
                        message.id.toString(),
                        change,
                        now));
    }

    public Uni<Void> reopened(Conversation conversation, Instant now) {
        return announce(reopening(conversation, now));
    }

    public static ConversationReopened reopening(Conversation conversation, Instant now) {
        return new ConversationReopened(
                conversation.id.toString(), conversation.brandId, conversation.responseDueAt, now);
    }

    /** From the queue ({@code previous} null), or a transfer. */
    public Uni<Void> assigned(
            Conversation conversation, String previous, String agentId, Instant now) {
        return announce(
                new ConversationAssigned(
                        conversation.id.toString(),
                        conversation.brandId,
                        conversation.assigneeId,
                        previous,
                        agentId,
                        now));
    }

    public Uni<Void> unassigned(
            Conversation conversation, String previous, String agentId, Instant now) {
        return announce(
                new ConversationUnassigned(
                        conversation.id.toString(), conversation.brandId, previous, agentId, now));
    }

    public Uni<Void> moderationChanged(String brandId, Moderation moderation, Instant now) {
        return announce(
                new ModerationChanged(
                        moderation.conversationId.toString(),
                        brandId,
                        moderation.messageId.toString(),
                        moderation.id.toString(),
                        moderation.action,
                        moderation.status.name(),
                        moderation.failureReason,
                        moderation.agentId,
                        now));
    }

    public Uni<Void> closed(Conversation conversation, String agentId, Instant now) {
        return announce(
                new ConversationClosed(
                        conversation.id.toString(), conversation.brandId, agentId, now));
    }

    private Uni<Void> announce(ConversationEvent event) {
        return outbox.add(Topics.CONVERSATION, event.conversationId(), event);
    }
}
