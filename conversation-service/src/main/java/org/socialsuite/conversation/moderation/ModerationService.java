package org.socialsuite.conversation.moderation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.conversation.reply.OutboundCommands;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.ReplyTarget;

/**
 * An agent hides, unhides, deletes or likes a consumer's public item: checked against the networks'
 * rules, recorded, and sent as a command through the outbox in one transaction (the delivery
 * guarantees of a reply). The result makes it so in the transcript; the network's own webhook for
 * it (Facebook's {@code hide}, {@code remove}) then changes nothing more.
 */
@ApplicationScoped
public class ModerationService {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final OutboundCommands commands;
    private final ConversationEvents events;
    private final Clock clock;

    public ModerationService(
            ConversationRepository conversations,
            MessageRepository messages,
            OutboundCommands commands,
            ConversationEvents events,
            Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ModerationView> request(
            String brandId,
            String agentId,
            UUID conversationId,
            UUID messageId,
            OutboundAction action,
            String idempotencyKey) {
        return conversations
                .requireForBrand(conversationId, brandId)
                .chain(
                        conversation ->
                                messages.inConversation(conversation.id, messageId)
                                        .onItem()
                                        .ifNull()
                                        .failWith(
                                                () ->
                                                        new NotFoundException(
                                                                "No message " + messageId))
                                        .chain(
                                                message ->
                                                        byKey(message.id, idempotencyKey)
                                                                .onItem()
                                                                .ifNull()
                                                                .switchTo(
                                                                        () ->
                                                                                start(
                                                                                        conversation,
                                                                                        message,
                                                                                        action,
                                                                                        agentId,
                                                                                        idempotencyKey))))
                .map(ModerationView::of);
    }

    /** The moderation an earlier request with the same Idempotency-Key started, if any. */
    @WithSession
    public Uni<ModerationView> findStarted(
            String brandId, UUID conversationId, UUID messageId, String idempotencyKey) {
        return conversations
                .requireForBrand(conversationId, brandId)
                .chain(() -> byKey(messageId, idempotencyKey))
                .map(ModerationView::of);
    }

    private Uni<Moderation> byKey(UUID messageId, String idempotencyKey) {
        return idempotencyKey == null
                ? Uni.createFrom().nullItem()
                : Moderation.find(
                                "messageId = ?1 and idempotencyKey = ?2", messageId, idempotencyKey)
                        .firstResult();
    }

    private Uni<Moderation> start(
            Conversation conversation,
            Message message,
            OutboundAction action,
            String agentId,
            String idempotencyKey) {
        ModerationRules.refusal(message, action)
                .ifPresent(
                        reason -> {
                            throw new ModerationRejected(reason);
                        });
        return Moderation.<Moderation>find(
                        "messageId = ?1 and action = ?2 and status = ?3",
                        message.id,
                        action,
                        DeliveryStatus.PENDING)
                .firstResult()
                .chain(
                        underWay -> {
                            if (underWay != null) {
                                throw new ModerationRejected(
                                        underWay.agentId + " is already doing it");
                            }
                            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            Moderation moderation = new Moderation();
                            moderation.id = UUID.randomUUID();
                            moderation.messageId = message.id;
                            moderation.conversationId = conversation.id;
                            moderation.action = action;
                            moderation.status = DeliveryStatus.PENDING;
                            moderation.agentId = agentId;
                            moderation.idempotencyKey = idempotencyKey;
                            moderation.requestedAt = now;
                            ReplyRequested command = command(conversation, message, moderation);
                            return moderation
                                    .<Moderation>persist()
                                    .call(() -> commands.send(command))
                                    .call(
                                            () ->
                                                    events.moderationChanged(
                                                            conversation.brandId, moderation, now));
                        });
    }

    /** The moderation's id is the command's: the idempotency key of the delivery, end to end. */
    private static ReplyRequested command(
            Conversation conversation, Message message, Moderation moderation) {
        return OutboundCommands.command(
                moderation.id.toString(),
                conversation,
                moderation.action,
                ReplyMode.PUBLIC,
                null,
                new ReplyTarget(
                        conversation.consumerId,
                        conversation.consumerHandle,
                        message.platformId,
                        null,
                        message.occurredAt),
                moderation.agentId,
                moderation.requestedAt);
    }

    /**
     * The outbound result of a moderation, in the caller's transaction; false when no moderation
     * has that id. Done on the network, it is done in the transcript; a late DELIVERY_UNKNOWN or a
     * repeated result never takes a done one back.
     */
    public Uni<Boolean> applyResult(ReplyResult result) {
        return Moderation.<Moderation>findById(UUID.fromString(result.replyId()))
                .chain(
                        moderation -> {
                            if (moderation == null) {
                                return Uni.createFrom().item(false);
                            }
                            if (moderation.status == DeliveryStatus.SENT) {
                                return Uni.createFrom().item(true);
                            }
                            moderation.status = DeliveryStatus.valueOf(result.status().name());
                            moderation.failureReason = result.errorMessage();
                            moderation.completedAt = result.completedAt();
                            Uni<Void> effect =
                                    result.status() == DeliveryOutcome.SENT
                                            ? messages.findById(moderation.messageId)
                                                    .invoke(
                                                            message ->
                                                                    takeEffect(message, moderation))
                                                    .replaceWithVoid()
                                            : Uni.createFrom().voidItem();
                            return effect.chain(
                                            () -> conversations.findById(moderation.conversationId))
                                    .chain(
                                            conversation ->
                                                    events.moderationChanged(
                                                            conversation.brandId,
                                                            moderation,
                                                            result.completedAt()))
                                    .replaceWith(true);
                        });
    }

    private static void takeEffect(Message message, Moderation moderation) {
        switch (moderation.action) {
            case HIDE -> message.hidden = true;
            case UNHIDE -> message.hidden = false;
            case DELETE -> message.deleted = true;
            case LIKE -> message.liked = true;
            case REPLY -> throw new IllegalStateException("not a moderation");
        }
    }
}
