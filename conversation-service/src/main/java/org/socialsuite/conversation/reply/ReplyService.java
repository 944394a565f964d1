package org.socialsuite.conversation.reply;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.message.TranscriptMessage;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.conversation.privacy.PersonalDataScanner;
import org.socialsuite.conversation.queue.Responses;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.events.Visibility;
import org.socialsuite.support.rules.ReplyLength;

/**
 * An agent's reply becomes an OUTBOUND message (PENDING) and a {@link ReplyRequested} command in
 * one transaction (the command through the outbox), or a clear refusal, never a silent loss.
 */
@ApplicationScoped
public class ReplyService {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final OutboundCommands commands;
    private final ConversationEvents events;
    private final Responses responses;
    private final PersonalDataScanner personalData;
    private final Clock clock;

    public ReplyService(
            ConversationRepository conversations,
            MessageRepository messages,
            OutboundCommands commands,
            ConversationEvents events,
            Responses responses,
            PersonalDataScanner personalData,
            Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.commands = commands;
        this.events = events;
        this.responses = responses;
        this.personalData = personalData;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<TranscriptMessage> reply(
            String brandId,
            String agentId,
            UUID conversationId,
            ReplyRequest request,
            String idempotencyKey) {
        return conversations
                .requireForBrand(conversationId, brandId)
                .chain(
                        conversation ->
                                alreadySent(conversation.id, idempotencyKey)
                                        .onItem()
                                        .ifNull()
                                        .switchTo(
                                                () ->
                                                        send(
                                                                conversation,
                                                                agentId,
                                                                request,
                                                                idempotencyKey)))
                .map(message -> TranscriptMessage.of(message, List.of()));
    }

    /** The draft against the rules its reply would meet, changing nothing. */
    @WithSession
    public Uni<ReplyCheck> check(String brandId, UUID conversationId, String text, ReplyMode mode) {
        return conversations
                .requireForBrand(conversationId, brandId)
                .map(
                        conversation -> {
                            String handle = conversation.consumerHandle;
                            ReplyLength.Measure measure =
                                    ReplyLength.measure(conversation.channel, mode, text, handle);
                            return new ReplyCheck(
                                    mode,
                                    measure.length(),
                                    measure.limit(),
                                    measure.weighted(),
                                    measure.weighted() && handle != null,
                                    ReplyLength.problemOf(conversation.channel, mode, text, measure)
                                            .orElse(null),
                                    mode == ReplyMode.PUBLIC
                                            ? personalData.scan(brandId, text)
                                            : List.of());
                        });
    }

    /** The reply an earlier request with the same Idempotency-Key made, if any. */
    @WithSession
    public Uni<TranscriptMessage> findSent(
            String brandId, UUID conversationId, String idempotencyKey) {
        return conversations
                .requireForBrand(conversationId, brandId)
                .chain(conversation -> alreadySent(conversation.id, idempotencyKey))
                .map(message -> message == null ? null : TranscriptMessage.of(message, List.of()));
    }

    private Uni<Message> alreadySent(UUID conversationId, String idempotencyKey) {
        return idempotencyKey == null
                ? Uni.createFrom().nullItem()
                : messages.findByIdempotencyKey(conversationId, idempotencyKey);
    }

    private Uni<Message> send(
            Conversation conversation,
            String agentId,
            ReplyRequest request,
            String idempotencyKey) {
        if (conversation.status == ConversationStatus.CLOSED) {
            return Uni.createFrom()
                    .failure(ReplyRejected.unavailable("The conversation is closed"));
        }
        return factsFor(conversation, request.inReplyTo())
                .map(facts -> accept(conversation, facts, agentId, request, idempotencyKey))
                .chain(this::store);
    }

    /**
     * A reply to one chosen public message of the consumer (a comment of a viral post), in the
     * caller's transaction, as part of a bulk reply; fails with {@link ReplyRejected} when the
     * rules refuse it, before anything is written.
     */
    public Uni<Message> replyTo(
            Conversation conversation,
            Message chosen,
            ReplyMode mode,
            String text,
            String agentId,
            UUID bulkId,
            boolean personalDataConfirmed) {
        if (conversation.status == ConversationStatus.CLOSED) {
            return Uni.createFrom()
                    .failure(ReplyRejected.unavailable("The conversation is closed"));
        }
        return ConversationFacts.answering(conversation, chosen, messages)
                .map(
                        facts -> {
                            Accepted accepted =
                                    accept(
                                            conversation,
                                            facts,
                                            agentId,
                                            new ReplyRequest(
                                                    text, mode, chosen.id, personalDataConfirmed),
                                            null);
                            accepted.message().bulkId = bulkId;
                            return accepted;
                        })
                .chain(this::store);
    }

    /** The consumer's latest public message, or the one the agent chose to answer. */
    private Uni<ConversationFacts> factsFor(Conversation conversation, UUID inReplyTo) {
        if (inReplyTo == null) {
            return ConversationFacts.of(conversation, messages);
        }
        return messages.inConversation(conversation.id, inReplyTo)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No message " + inReplyTo))
                .invoke(
                        chosen -> {
                            if (chosen.direction != MessageDirection.INBOUND
                                    || chosen.visibility != Visibility.PUBLIC
                                    || chosen.deleted) {
                                throw ReplyRejected.unavailable(
                                        "Only the consumer's public messages still on the network"
                                                + " can be answered one by one");
                            }
                        })
                .chain(chosen -> ConversationFacts.answering(conversation, chosen, messages));
    }

    /** Checks the reply against the rules now: the reply with its command, or a refusal. */
    private Accepted accept(
            Conversation conversation,
            ConversationFacts facts,
            String agentId,
            ReplyRequest request,
            String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReplyMode mode =
                request.mode() != null ? request.mode() : ReplyModePolicy.defaultMode(facts);
        ReplyModeAvailability availability = availabilityOf(facts, mode, now);
        ReplyLength.problem(conversation.channel, mode, request.text(), conversation.consumerHandle)
                .ifPresent(
                        problem -> {
                            throw ReplyRejected.badText(problem);
                        });
        refusePersonalData(
                conversation.brandId, mode, request.text(), request.personalDataConfirmed());
        ReplyTarget target = ReplyTargets.of(conversation, facts, availability);
        Message message = outbound(conversation, agentId, mode, request.text(), target, now);
        message.idempotencyKey = idempotencyKey;
        message.answersMessageId = mode == ReplyMode.PRIVATE ? null : facts.lastPublic().id;
        responses.answered(conversation, now);
        conversation.updatedAt = now;
        return new Accepted(
                conversation, message, command(conversation, message, target, agentId), now);
    }

    /**
     * A public reply that would show personal data is refused unless the agent confirmed it: once
     * published, a phone number or an address is copied and indexed beyond recall.
     */
    public void refusePersonalData(String brandId, ReplyMode mode, String text, boolean confirmed) {
        if (mode != ReplyMode.PUBLIC || confirmed) {
            return;
        }
        List<PersonalDataKind> found = personalData.scan(brandId, text);
        if (!found.isEmpty()) {
            throw ReplyRejected.personalData(found);
        }
    }

    /** The reply, its command (through the outbox) and its event, in the caller's transaction. */
    private Uni<Message> store(Accepted accepted) {
        ReplyRequested command = accepted.command();
        return messages.persist(accepted.message())
                .call(() -> commands.send(command))
                .call(
                        () ->
                                events.messageRecorded(
                                        accepted.conversation(),
                                        accepted.message(),
                                        accepted.now()));
    }

    private record Accepted(
            Conversation conversation, Message message, ReplyRequested command, Instant now) {}

    private static ReplyModeAvailability availabilityOf(
            ConversationFacts facts, ReplyMode mode, Instant now) {
        ReplyModeAvailability availability =
                ReplyModePolicy.availability(facts, now).stream()
                        .filter(candidate -> candidate.mode() == mode)
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        ReplyRejected.unavailable(
                                                mode
                                                        + " replies do not exist on "
                                                        + facts.channel()));
        if (!availability.available()) {
            throw ReplyRejected.unavailable(availability.reason());
        }
        return availability;
    }

    private static Message outbound(
            Conversation conversation,
            String agentId,
            ReplyMode mode,
            String text,
            ReplyTarget target,
            Instant now) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversation.id;
        message.direction = MessageDirection.OUTBOUND;
        message.visibility = mode == ReplyMode.PUBLIC ? Visibility.PUBLIC : Visibility.PRIVATE;
        message.kind = kindOf(conversation.channel, mode);
        message.channel = conversation.channel;
        message.accountId = conversation.accountId;
        message.authorId = agentId;
        message.authorName = agentId;
        message.text = text;
        message.occurredAt = now;
        message.receivedAt = now;
        message.deliveryStatus = DeliveryStatus.PENDING;
        message.replyMode = mode;
        message.targetPlatformId = ReplyTargets.answered(mode, target);
        return message;
    }

    private static MessageKind kindOf(Channel channel, ReplyMode mode) {
        if (mode != ReplyMode.PUBLIC) {
            return MessageKind.PRIVATE_MESSAGE;
        }
        return channel == Channel.TWITTER ? MessageKind.THREAD_REPLY : MessageKind.COMMENT;
    }

    private static ReplyRequested command(
            Conversation conversation, Message message, ReplyTarget target, String agentId) {
        return OutboundCommands.command(
                message.id.toString(),
                conversation,
                OutboundAction.REPLY,
                message.replyMode,
                message.text,
                target,
                agentId,
                message.occurredAt);
    }
}
