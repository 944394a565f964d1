package org.socialsuite.conversation.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.EarlyLifecycle;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.profile.KnownConsumer;
import org.socialsuite.events.SocialEventReceived;

/**
 * What one poll of inbound events touches, read before any of them is applied: which events are new
 * (recorded as processed in the same statement), the messages they name, what came early about
 * items not yet seen ({@link EarlyLifecycle}) and their consumers' open conversations. Applying the
 * consumers' events then asks the database nothing, and the session is written once, at commit: a
 * few statements per poll instead of several per event.
 */
final class InboundBatch {

    private static final String MESSAGES_BY_PLATFORM_ID = "accountId = ?1 and platformId in ?2";

    /** Open, or closed recently enough to be reopened; the open one (or else the latest) first. */
    private static final String CURRENT_CONVERSATIONS_OF =
            "accountId = ?1 and consumerId in ?2 and (status = ?3 or closedAt > ?4)"
                    + " order by closedAt desc nulls first";

    private static final String BY_ID = "id in ?1";

    private final Set<String> firstTime;
    private final Map<String, Message> messages = new HashMap<>();
    private final Map<String, Conversation> currentConversations = new HashMap<>();
    private final Map<String, EarlyLifecycle> early = new HashMap<>();
    private final Map<String, KnownConsumer> knownConsumers = new HashMap<>();

    private InboundBatch(Set<String> firstTime) {
        this.firstTime = firstTime;
    }

    /**
     * @param closedAfter a conversation closed since then is reopened by its consumer's message
     */
    static Uni<InboundBatch> load(
            List<SocialEventReceived> events, Instant now, Instant closedAfter) {
        List<SocialEventReceived> consumerEvents =
                events.stream().filter(event -> !event.fromBrand()).toList();
        return recordProcessed(events, now)
                .map(InboundBatch::new)
                .call(batch -> batch.loadMessages(consumerEvents))
                .call(batch -> batch.loadEarlyLifecycles(consumerEvents))
                .call(batch -> batch.loadCurrentConversations(consumerEvents, closedAfter))
                .call(batch -> batch.loadKnownConsumers(consumerEvents));
    }

    /**
     * Runs the batch's reads once against ids that match nothing. On a cold JVM each query costs
     * about a tenth of a second to parse the first time; done at start-up, the first poll after a
     * restart does not pay for it.
     */
    static Uni<Void> warmUp() {
        List<String> none = List.of("");
        return Panache.withSession(
                        () ->
                                Message.find(MESSAGES_BY_PLATFORM_ID, "", none)
                                        .list()
                                        .chain(() -> EarlyLifecycle.list(BY_ID, none))
                                        .chain(
                                                () ->
                                                        Conversation.find(
                                                                        CURRENT_CONVERSATIONS_OF,
                                                                        "",
                                                                        none,
                                                                        ConversationStatus.OPEN,
                                                                        Instant.EPOCH)
                                                                .list())
                                        .chain(() -> KnownConsumer.list(BY_ID, none)))
                .replaceWithVoid();
    }

    /** True for the first sight of an event, however often the poll or earlier polls hold it. */
    boolean firstTime(SocialEventReceived event) {
        return firstTime.remove(event.platformEventId());
    }

    Message message(String accountId, String platformId) {
        return messages.get(key(accountId, platformId));
    }

    void remember(Message message) {
        if (message.platformId != null) {
            messages.put(key(message.accountId, message.platformId), message);
        }
    }

    /** What came early about an item not yet stored, or null. */
    EarlyLifecycle early(String accountId, String platformId) {
        return early.get(EarlyLifecycle.id(accountId, platformId));
    }

    void remember(EarlyLifecycle lifecycle) {
        early.put(lifecycle.id, lifecycle);
    }

    /** The consumer's name and handle as last announced, or null. */
    KnownConsumer knownConsumer(String accountId, String consumerId) {
        return knownConsumers.get(KnownConsumer.id(accountId, consumerId));
    }

    /** The consumer's open conversation, or one closed recently enough to reopen; or null. */
    Conversation currentConversation(String accountId, String consumerId) {
        return currentConversations.get(key(accountId, consumerId));
    }

    void remember(Conversation conversation) {
        currentConversations.put(
                key(conversation.accountId, conversation.consumerId), conversation);
    }

    /** Inserts every event id not yet processed and returns those it inserted. */
    private static Uni<Set<String>> recordProcessed(List<SocialEventReceived> events, Instant now) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        StringBuilder sql =
                new StringBuilder(
                        "INSERT INTO processed_event (platform_event_id, processed_at) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(i + 2).append(", ?1)");
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING platform_event_id");
        return Panache.getSession()
                .chain(
                        session -> {
                            var insert = session.createNativeQuery(sql.toString(), String.class);
                            insert.setParameter(1, now);
                            for (int i = 0; i < events.size(); i++) {
                                insert.setParameter(i + 2, events.get(i).platformEventId());
                            }
                            return insert.getResultList();
                        })
                .map(HashSet::new);
    }

    private Uni<Void> loadMessages(List<SocialEventReceived> events) {
        return perAccount(
                events,
                SocialEventReceived::platformId,
                (accountId, platformIds) ->
                        Message.<Message>find(MESSAGES_BY_PLATFORM_ID, accountId, platformIds)
                                .list()
                                .invoke(found -> found.forEach(this::remember)));
    }

    private Uni<Void> loadEarlyLifecycles(List<SocialEventReceived> events) {
        List<String> ids =
                events.stream()
                        .filter(event -> event.platformId() != null)
                        .map(event -> EarlyLifecycle.id(event.accountId(), event.platformId()))
                        .distinct()
                        .toList();
        return ids.isEmpty()
                ? Uni.createFrom().voidItem()
                : EarlyLifecycle.<EarlyLifecycle>list(BY_ID, ids)
                        .invoke(found -> found.forEach(this::remember))
                        .replaceWithVoid();
    }

    /** Only for events that do not name their author (Messenger's). */
    private Uni<Void> loadKnownConsumers(List<SocialEventReceived> events) {
        List<String> ids = KnownConsumer.idsOfUnnamedAuthors(events);
        return ids.isEmpty()
                ? Uni.createFrom().voidItem()
                : KnownConsumer.<KnownConsumer>list(BY_ID, ids)
                        .invoke(
                                found ->
                                        found.forEach(known -> knownConsumers.put(known.id, known)))
                        .replaceWithVoid();
    }

    private Uni<Void> loadCurrentConversations(
            List<SocialEventReceived> events, Instant closedAfter) {
        return perAccount(
                events,
                event -> event.conversationKey().consumerId(),
                (accountId, consumerIds) ->
                        Conversation.<Conversation>find(
                                        CURRENT_CONVERSATIONS_OF,
                                        accountId,
                                        consumerIds,
                                        ConversationStatus.OPEN,
                                        closedAfter)
                                .list()
                                .invoke(
                                        found ->
                                                found.forEach(
                                                        conversation ->
                                                                currentConversations.putIfAbsent(
                                                                        key(
                                                                                conversation
                                                                                        .accountId,
                                                                                conversation
                                                                                        .consumerId),
                                                                        conversation))));
    }

    /** One query per account in the poll (there are few), each for all of its ids. */
    private static Uni<Void> perAccount(
            List<SocialEventReceived> events,
            Function<SocialEventReceived, String> id,
            BiFunction<String, List<String>, Uni<?>> query) {
        Map<String, List<String>> idsByAccount =
                events.stream()
                        .collect(
                                Collectors.groupingBy(
                                        SocialEventReceived::accountId,
                                        Collectors.mapping(
                                                id,
                                                Collectors.collectingAndThen(
                                                        Collectors.toSet(), ArrayList::new))));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<String>> account : idsByAccount.entrySet()) {
            chain = chain.call(() -> query.apply(account.getKey(), account.getValue()));
        }
        return chain;
    }

    private static String key(String accountId, String id) {
        return accountId + '\u0000' + id;
    }
}
