package org.socialsuite.conversation.inbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.EarlyLifecycle;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.conversation.privacy.PersonalDataScanner;
import org.socialsuite.conversation.profile.KnownConsumer;
import org.socialsuite.conversation.queue.ReopenWindow;
import org.socialsuite.conversation.queue.ResponseTargets;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.support.outbox.Outbox;
import org.socialsuite.support.tracing.EventSpans;

/**
 * Stores a run of consumers' new messages (CREATED events) in one transaction of a few set-based
 * statements: the inbound hot path. Most of a busy poll is such messages, and through the entities
 * each cost a statement or more per row plus Hibernate's bookkeeping; here the run reads what it
 * touches in five statements over arrays of keys and writes each table once. Everything else
 * (edits, removals, the brand's own items) stays with {@link InboundMessageRecorder}, whose rules
 * {@link Arrival} shares.
 */
@ApplicationScoped
public class NewMessageRecorder {

    private final Pool database;
    private final InboundOutcomes outcomes;
    private final ResponseTargets targets;
    private final ReopenWindow reopenWindow;
    private final PersonalDataScanner personalData;

    public NewMessageRecorder(
            Pool database,
            InboundOutcomes outcomes,
            ResponseTargets targets,
            ReopenWindow reopenWindow,
            PersonalDataScanner personalData) {
        this.database = database;
        this.outcomes = outcomes;
        this.targets = targets;
        this.reopenWindow = reopenWindow;
        this.personalData = personalData;
    }

    /** Whether this path takes the event: a consumer's new item. */
    static boolean takes(SocialEventReceived event) {
        return !event.fromBrand() && event.action() == LifecycleAction.CREATED;
    }

    /**
     * Applies the events in order, once each; if anything fails, nothing is kept and the caller
     * retries them one by one.
     */
    public Uni<Void> recordAll(List<SocialEventReceived> events, EventSpans spans) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return database.withTransaction(
                        connection -> {
                            InboundRows rows = new InboundRows(connection);
                            return rows.markProcessed(
                                            events.stream()
                                                    .map(SocialEventReceived::platformEventId)
                                                    .toList(),
                                            now)
                                    .chain(
                                            firstTime ->
                                                    apply(
                                                            connection,
                                                            rows,
                                                            events,
                                                            spans,
                                                            firstTime,
                                                            now));
                        })
                // Counted once committed, so a batch retried one by one is not counted twice.
                .invoke(results -> outcomes.countAll(events, results))
                .replaceWithVoid();
    }

    private Uni<List<String>> apply(
            SqlConnection connection,
            InboundRows rows,
            List<SocialEventReceived> events,
            EventSpans spans,
            Set<String> firstTime,
            Instant now) {
        List<SocialEventReceived> fresh = new ArrayList<>();
        List<String> results = new ArrayList<>(events.size());
        for (SocialEventReceived event : events) {
            // However often the poll holds it, only its first sight is fresh.
            boolean first = firstTime.remove(event.platformEventId());
            results.add(first ? null : "duplicate");
            if (first) {
                fresh.add(event);
            }
        }
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(results);
        }
        Touched touched = new Touched(fresh);
        return rows.storedItems(touched.itemAccounts, touched.itemIds)
                .invoke(stored -> touched.stored.addAll(stored))
                .chain(() -> rows.earlyLifecycles(touched.itemKeys()))
                .invoke(early -> touched.early.putAll(early))
                .chain(() -> rows.knownConsumers(KnownConsumer.idsOfUnnamedAuthors(fresh)))
                .invoke(known -> touched.known.putAll(known))
                .chain(
                        () ->
                                rows.currentConversations(
                                        touched.accounts,
                                        touched.consumers,
                                        reopenWindow.closedAfter()))
                .invoke(current -> current.forEach(touched::existing))
                .map(ignored -> touched.arrive(events, spans, targets, personalData, results, now))
                .call(() -> rows.insertConversations(touched.opened()))
                .call(() -> rows.reopen(touched.reopened))
                .call(() -> rows.updateConversations(touched.continued()))
                .call(() -> rows.insertMessages(touched.messages))
                .call(
                        () ->
                                Outbox.addAll(
                                        connection,
                                        Topics.CONVERSATION,
                                        touched.announcedKeys,
                                        touched.announcements,
                                        touched.traceParents,
                                        Instant.now()));
    }

    /** What the poll's fresh events touch, and what applying them made. */
    private static final class Touched {
        final List<String> itemAccounts = new ArrayList<>();
        final List<String> itemIds = new ArrayList<>();
        final List<String> accounts = new ArrayList<>();
        final List<String> consumers = new ArrayList<>();
        final Set<String> stored = new HashSet<>();
        final Map<String, EarlyLifecycle> early = new LinkedHashMap<>();
        final Map<String, KnownConsumer> known = new LinkedHashMap<>();
        final Map<String, Conversation> conversations = new LinkedHashMap<>();
        final Set<String> existing = new HashSet<>();
        final Set<UUID> written = new HashSet<>();
        final List<Conversation> reopened = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
        final List<String> announcedKeys = new ArrayList<>();
        final List<String> announcements = new ArrayList<>();
        final List<String> traceParents = new ArrayList<>();

        Touched(List<SocialEventReceived> fresh) {
            Set<String> pairs = new HashSet<>();
            for (SocialEventReceived event : fresh) {
                if (event.platformId() != null) {
                    itemAccounts.add(event.accountId());
                    itemIds.add(event.platformId());
                }
                String consumer = event.conversationKey().consumerId();
                if (pairs.add(KnownConsumer.id(event.accountId(), consumer))) {
                    accounts.add(event.accountId());
                    consumers.add(consumer);
                }
            }
        }

        List<String> itemKeys() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < itemIds.size(); i++) {
                keys.add(EarlyLifecycle.id(itemAccounts.get(i), itemIds.get(i)));
            }
            return keys;
        }

        void existing(Conversation conversation) {
            String key = KnownConsumer.id(conversation.accountId, conversation.consumerId);
            conversations.put(key, conversation);
            existing.add(key);
        }

        /** Applies the fresh events in order, filling in the results of the rest. */
        List<String> arrive(
                List<SocialEventReceived> events,
                EventSpans spans,
                ResponseTargets targets,
                PersonalDataScanner personalData,
                List<String> results,
                Instant now) {
            for (int i = 0; i < events.size(); i++) {
                if (results.get(i) != null) {
                    continue;
                }
                SocialEventReceived event = events.get(i);
                String item =
                        event.platformId() == null
                                ? null
                                : EarlyLifecycle.id(event.accountId(), event.platformId());
                // Stored before, or earlier in this poll under another event id.
                if (item != null && !stored.add(item)) {
                    results.set(i, "already_stored");
                    continue;
                }
                String consumer = event.conversationKey().consumerId();
                Conversation conversation =
                        conversations.computeIfAbsent(
                                KnownConsumer.id(event.accountId(), consumer),
                                key ->
                                        Conversation.open(
                                                event.brandId(),
                                                event.accountId(),
                                                event.channel(),
                                                consumer,
                                                now));
                boolean reopening = conversation.status == ConversationStatus.CLOSED;
                Message message =
                        Arrival.of(
                                conversation,
                                event,
                                item == null ? null : early.get(item),
                                known.get(KnownConsumer.id(event.accountId(), consumer)),
                                targets,
                                personalData,
                                now);
                messages.add(message);
                written.add(conversation.id);
                String traceParent = spans.traceparent(event);
                if (reopening) {
                    reopened.add(conversation);
                    announce(ConversationEvents.reopening(conversation, now), traceParent);
                }
                announce(ConversationEvents.recorded(conversation, message, now), traceParent);
                results.set(i, "stored");
            }
            return results;
        }

        private void announce(ConversationEvent event, String traceParent) {
            announcedKeys.add(event.conversationId());
            announcements.add(Outbox.payload(event));
            traceParents.add(traceParent);
        }

        List<Conversation> opened() {
            return conversations.entrySet().stream()
                    .filter(entry -> !existing.contains(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
        }

        List<Conversation> continued() {
            return conversations.entrySet().stream()
                    .filter(entry -> existing.contains(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .filter(conversation -> written.contains(conversation.id))
                    .toList();
        }
    }
}
