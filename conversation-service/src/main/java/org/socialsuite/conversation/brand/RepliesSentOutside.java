package org.socialsuite.conversation.brand;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.conversation.queue.Responses;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Visibility;

/**
 * The brand's messages to a consumer that the network reports and we cannot match by id. Our own
 * reply's echo can arrive before outbound-service reports the reply's id: it is recognised by its
 * text and confirms the reply (also one whose delivery outcome was unknown). Anything else was sent
 * from the network's own tools (Facebook's Page inbox, the X app) and goes into the consumer's open
 * conversation, marked as sent outside the workspace, so that no agent answers twice.
 */
@ApplicationScoped
public class RepliesSentOutside {

    /** Outbound puts the consumer's @mention before a public reply on Twitter/X. */
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(@\\w+\\s+)+");

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final ConversationEvents events;
    private final Responses responses;

    public RepliesSentOutside(
            MessageRepository messages,
            ConversationRepository conversations,
            ConversationEvents events,
            Responses responses) {
        this.messages = messages;
        this.conversations = conversations;
        this.events = events;
        this.responses = responses;
    }

    /** Whether the brand's item answers a consumer: posts, edits and removals never do. */
    static boolean answersAConsumer(SocialEventReceived event) {
        return event.action() == LifecycleAction.CREATED && event.kind() != MessageKind.POST;
    }

    /** Called inside the inbound transaction. Returns the outcome for the metrics. */
    Uni<String> apply(SocialEventReceived event, Instant now) {
        return ourReplyEchoedBy(event)
                .chain(
                        ours ->
                                ours != null
                                        ? confirm(ours, event, now).replaceWith("echo_matched")
                                        : recordInConversation(event, now));
    }

    private Uni<Message> ourReplyEchoedBy(SocialEventReceived event) {
        if (event.text() == null) {
            return Uni.createFrom().nullItem();
        }
        return messages.awaitingPlatformId(
                event.accountId(),
                event.channel(),
                event.visibility(),
                LEADING_MENTIONS.matcher(event.text()).replaceFirst(""),
                event.parentPlatformId(),
                event.consumerId());
    }

    private Uni<Void> confirm(Message ours, SocialEventReceived echo, Instant now) {
        ours.platformId = echo.platformId();
        ours.deliveryStatus = DeliveryStatus.SENT;
        ours.failureReason = null;
        return conversations
                .findById(ours.conversationId)
                .chain(conversation -> events.deliveryChanged(conversation, ours, now));
    }

    private Uni<String> recordInConversation(SocialEventReceived event, Instant now) {
        return openConversationOf(event)
                .chain(
                        conversation ->
                                conversation.isEmpty()
                                        ? Uni.createFrom().item("brand_context")
                                        : append(conversation.get(), event, now)
                                                .replaceWith("sent_outside"));
    }

    /**
     * The consumer's open conversation: named by the event for messages and tweets; for a page's
     * comment, the one holding the comment it answers.
     */
    private Uni<Optional<Conversation>> openConversationOf(SocialEventReceived event) {
        Uni<Conversation> conversation;
        if (event.consumerId() != null) {
            conversation = conversations.findOpen(event.accountId(), event.consumerId());
        } else if (event.parentPlatformId() != null) {
            conversation =
                    messages.findByPlatformId(event.accountId(), event.parentPlatformId())
                            .onItem()
                            .ifNotNull()
                            .transformToUni(
                                    parent -> conversations.findById(parent.conversationId));
        } else {
            conversation = Uni.createFrom().nullItem();
        }
        return conversation.map(
                c -> Optional.ofNullable(c).filter(open -> open.status == ConversationStatus.OPEN));
    }

    private Uni<Void> append(Conversation conversation, SocialEventReceived event, Instant now) {
        Message message = Message.fromNetwork(conversation.id, MessageDirection.OUTBOUND, event);
        message.sentOutside = true;
        message.deliveryStatus = DeliveryStatus.SENT;
        message.replyMode =
                event.visibility() == Visibility.PUBLIC ? ReplyMode.PUBLIC : ReplyMode.PRIVATE;
        // A colleague answered on the network: the consumer is no longer waiting.
        responses.answered(conversation, message.occurredAt);
        conversation.updatedAt = now;
        return messages.persist(message)
                .chain(stored -> events.messageRecorded(conversation, stored, now));
    }
}
