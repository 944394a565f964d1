package org.socialsuite.conversation.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.SocialEventReceived;

/**
 * Puts a consumer's message into their open conversation (opening one when there is none), once,
 * however often the event is delivered.
 */
@ApplicationScoped
public class InboundMessageRecorder {

    private static final Logger LOG = Logger.getLogger(InboundMessageRecorder.class);

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ProcessedEvents processedEvents;
    private final MeterRegistry metrics;

    public InboundMessageRecorder(
            ConversationRepository conversations,
            MessageRepository messages,
            ProcessedEvents processedEvents,
            MeterRegistry metrics) {
        this.conversations = conversations;
        this.messages = messages;
        this.processedEvents = processedEvents;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<Void> record(SocialEventReceived event) {
        if (event.fromBrand() || event.action() != LifecycleAction.CREATED) {
            // Brand context and edits, removals and moderation come with the threading work.
            LOG.debugf("Not applied yet: %s %s", event.action(), event.platformEventId());
            count(event, "not_applied");
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return processedEvents
                .firstTime(event.platformEventId(), now)
                .chain(
                        first -> {
                            if (!first) {
                                count(event, "duplicate");
                                return Uni.createFrom().voidItem();
                            }
                            return store(event, now).invoke(() -> count(event, "stored"));
                        });
    }

    private Uni<Void> store(SocialEventReceived event, Instant now) {
        String consumerId = event.conversationKey().consumerId();
        return conversations
                .findOpen(event.accountId(), consumerId)
                .onItem()
                .ifNull()
                .switchTo(
                        () ->
                                conversations.persist(
                                        Conversation.open(
                                                event.brandId(),
                                                event.accountId(),
                                                event.channel(),
                                                consumerId,
                                                now)))
                .chain(conversation -> append(conversation, event, now));
    }

    private Uni<Void> append(Conversation conversation, SocialEventReceived event, Instant now) {
        Message message = inbound(conversation, event);
        if (event.author().name() != null) {
            conversation.consumerName = event.author().name();
        }
        if (conversation.lastMessageAt == null
                || !message.occurredAt.isBefore(conversation.lastMessageAt)) {
            conversation.lastMessageText = message.text;
            conversation.lastMessageVisibility = message.visibility;
            conversation.lastMessageAt = message.occurredAt;
            conversation.lastInboundVisibility = message.visibility;
        }
        conversation.updatedAt = now;
        return messages.persist(message).replaceWithVoid();
    }

    private static Message inbound(Conversation conversation, SocialEventReceived event) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversation.id;
        message.direction = MessageDirection.INBOUND;
        message.visibility = event.visibility();
        message.kind = event.kind();
        message.channel = event.channel();
        message.accountId = event.accountId();
        message.authorId = event.author().id();
        message.authorName = event.author().name();
        message.text = event.text();
        message.attachments = event.attachments();
        message.platformId = event.platformId();
        message.parentPlatformId = event.parentPlatformId();
        message.rootPlatformId = event.rootPlatformId();
        message.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        message.receivedAt = event.receivedAt().truncatedTo(ChronoUnit.MICROS);
        return message;
    }

    private void count(SocialEventReceived event, String outcome) {
        metrics.counter(
                        "conversation.inbound.events",
                        "channel",
                        event.channel().name(),
                        "kind",
                        event.kind().name(),
                        "outcome",
                        outcome)
                .increment();
    }
}
