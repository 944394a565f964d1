package org.socialsuite.conversation.inbound;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.socialsuite.conversation.brand.BrandContext;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.EarlyLifecycle;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageLifecycle;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.conversation.privacy.PersonalDataScanner;
import org.socialsuite.conversation.queue.ReopenWindow;
import org.socialsuite.conversation.queue.ResponseTargets;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.support.tracing.EventSpans;

/**
 * Applies inbound events once, however often they are delivered: a consumer's new message goes into
 * their open conversation (reopening a recently closed one, or opening one when there is none),
 * edits, removals and moderation are mirrored on the stored message, and the brand's own items
 * become context or confirm our replies.
 */
@ApplicationScoped
public class InboundMessageRecorder {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final MessageLifecycle lifecycle;
    private final BrandContext brandContext;
    private final ConversationEvents events;
    private final InboundOutcomes outcomes;
    private final ResponseTargets targets;
    private final ReopenWindow reopenWindow;
    private final PersonalDataScanner personalData;

    public InboundMessageRecorder(
            ConversationRepository conversations,
            MessageRepository messages,
            MessageLifecycle lifecycle,
            BrandContext brandContext,
            ConversationEvents events,
            InboundOutcomes outcomes,
            ResponseTargets targets,
            ReopenWindow reopenWindow,
            PersonalDataScanner personalData) {
        this.conversations = conversations;
        this.messages = messages;
        this.lifecycle = lifecycle;
        this.brandContext = brandContext;
        this.events = events;
        this.outcomes = outcomes;
        this.targets = targets;
        this.reopenWindow = reopenWindow;
        this.personalData = personalData;
    }

    /**
     * Applies a batch of events in order, in one transaction: one commit for hundreds of messages.
     * What the batch touches is read first, in a few statements (see {@link InboundBatch}). If any
     * event fails, nothing of the batch is kept and the caller retries them one by one.
     */
    @WithTransaction
    public Uni<Void> recordAll(List<SocialEventReceived> events, EventSpans spans) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> results = new ArrayList<>(events.size());
        return InboundBatch.load(events, now, reopenWindow.closedAfter())
                .chain(
                        batch ->
                                Multi.createFrom()
                                        .iterable(events)
                                        .onItem()
                                        .transformToUniAndConcatenate(
                                                event ->
                                                        spans.within(
                                                                event,
                                                                () -> applyOnce(event, now, batch)))
                                        .invoke(results::add)
                                        .collect()
                                        .last())
                // Counted once committed, so a batch retried one by one is not counted twice.
                .invoke(() -> outcomes.countAll(events, results))
                .replaceWithVoid();
    }

    /** Applies one inbound event once, whatever it is, in a transaction of its own. */
    @WithTransaction
    public Uni<Void> record(SocialEventReceived event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return InboundBatch.load(List.of(event), now, reopenWindow.closedAfter())
                .chain(batch -> applyOnce(event, now, batch))
                .invoke(outcome -> outcomes.count(event, outcome))
                .replaceWithVoid();
    }

    private Uni<String> applyOnce(SocialEventReceived event, Instant now, InboundBatch batch) {
        return batch.firstTime(event)
                ? apply(event, now, batch)
                : Uni.createFrom().item("duplicate");
    }

    private Uni<String> apply(SocialEventReceived event, Instant now, InboundBatch batch) {
        if (event.fromBrand()) {
            return brandContext.apply(event, now);
        }
        Message existing = batch.message(event.accountId(), event.platformId());
        if (existing != null) {
            return lifecycle
                    .apply(existing, event, now)
                    .call(
                            outcome ->
                                    event.action() == LifecycleAction.CREATED
                                                    || MessageLifecycle.UNCHANGED.equals(outcome)
                                            ? Uni.createFrom().voidItem()
                                            : this.events.messageChanged(
                                                    event.brandId(),
                                                    existing,
                                                    event.action(),
                                                    now));
        }
        return switch (event.action()) {
            // An edit of a message we never saw still tells us what it says.
            case CREATED, EDITED -> store(event, now, batch).replaceWith("stored");
            // The item has not arrived yet: what happened to it waits for it.
            default ->
                    event.platformId() == null
                            ? Uni.createFrom().item("unknown_item")
                            : rememberEarly(event, now, batch).replaceWith("early_lifecycle");
        };
    }

    private Uni<Void> rememberEarly(SocialEventReceived event, Instant now, InboundBatch batch) {
        EarlyLifecycle known = batch.early(event.accountId(), event.platformId());
        EarlyLifecycle early =
                known != null
                        ? known
                        : EarlyLifecycle.of(event.accountId(), event.platformId(), now);
        early.record(event.action(), event.occurredAt());
        if (known != null) {
            return Uni.createFrom().voidItem();
        }
        batch.remember(early);
        return early.persist().replaceWithVoid();
    }

    private Uni<Void> store(SocialEventReceived event, Instant now, InboundBatch batch) {
        String consumerId = event.conversationKey().consumerId();
        Conversation current = batch.currentConversation(event.accountId(), consumerId);
        Uni<Conversation> conversation =
                current != null
                        ? Uni.createFrom().item(current)
                        : conversations
                                .persist(
                                        Conversation.open(
                                                event.brandId(),
                                                event.accountId(),
                                                event.channel(),
                                                consumerId,
                                                now))
                                .invoke(batch::remember);
        return conversation.chain(c -> append(c, event, now, batch));
    }

    private Uni<Void> append(
            Conversation conversation, SocialEventReceived event, Instant now, InboundBatch batch) {
        boolean reopening = conversation.status == ConversationStatus.CLOSED;
        Message message =
                Arrival.of(
                        conversation,
                        event,
                        batch.early(event.accountId(), event.platformId()),
                        batch.knownConsumer(
                                event.accountId(), event.conversationKey().consumerId()),
                        targets,
                        personalData,
                        now);
        return (reopening ? events.reopened(conversation, now) : Uni.createFrom().voidItem())
                .chain(() -> messages.persist(message))
                .invoke(batch::remember)
                .chain(stored -> events.messageRecorded(conversation, stored, now));
    }
}
