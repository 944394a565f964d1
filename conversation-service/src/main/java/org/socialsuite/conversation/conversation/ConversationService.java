package org.socialsuite.conversation.conversation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socialsuite.conversation.conversation.ConversationViews.Detail;
import org.socialsuite.conversation.conversation.ConversationViews.MessageRef;
import org.socialsuite.conversation.conversation.ConversationViews.Page;
import org.socialsuite.conversation.conversation.ConversationViews.Summary;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.message.MessageVersion;
import org.socialsuite.conversation.message.TranscriptCursor;
import org.socialsuite.conversation.message.TranscriptMessage;
import org.socialsuite.conversation.message.TranscriptPage;
import org.socialsuite.conversation.moderation.ModerationView;
import org.socialsuite.conversation.moderation.Moderations;
import org.socialsuite.conversation.outbox.ConversationEvents;
import org.socialsuite.conversation.reply.ConversationFacts;
import org.socialsuite.conversation.reply.ReplyModeAvailability;
import org.socialsuite.conversation.reply.ReplyModePolicy;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.accounts.ConnectedAccount;

/** What agents do with conversations, always within their own brand. */
@ApplicationScoped
public class ConversationService {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationEvents events;
    private final AccountRegistry accounts;
    private final Moderations moderations;
    private final Clock clock;

    public ConversationService(
            ConversationRepository conversations,
            MessageRepository messages,
            ConversationEvents events,
            AccountRegistry accounts,
            Moderations moderations,
            Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.accounts = accounts;
        this.moderations = moderations;
        this.clock = clock;
    }

    @WithSession
    public Uni<Page> list(ConversationQuery query, int limit, String cursor) {
        ConversationCursor after = cursor == null ? null : ConversationCursor.decode(cursor);
        // One more than asked tells whether there is a next page.
        return conversations
                .page(query, after, limit + 1)
                .map(rows -> toPage(rows, query.sort(), limit));
    }

    @WithSession
    public Uni<Detail> get(String brandId, UUID id) {
        return conversations.requireForBrand(id, brandId).chain(this::detail);
    }

    /**
     * The latest {@code limit} messages, or those before the cursor. Reading a page costs the same
     * however long the conversation's history is.
     */
    @WithSession
    public Uni<TranscriptPage> transcript(String brandId, UUID id, String before, int limit) {
        TranscriptCursor cursor = before == null ? null : TranscriptCursor.decode(before);
        // One more than asked tells whether anything came before the page.
        return conversations
                .requireForBrand(id, brandId)
                .chain(conversation -> messages.newestFirst(conversation.id, cursor, limit + 1))
                .chain(
                        rows -> {
                            List<Message> page =
                                    new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
                            Collections.reverse(page);
                            String older =
                                    rows.size() > limit
                                            ? TranscriptCursor.before(page.get(0)).encode()
                                            : null;
                            return withHistory(page).map(items -> new TranscriptPage(items, older));
                        });
    }

    /** One message of the conversation as the transcript shows it. */
    @WithSession
    public Uni<TranscriptMessage> message(String brandId, UUID id, UUID messageId) {
        return conversations
                .requireForBrand(id, brandId)
                .chain(conversation -> messages.inConversation(conversation.id, messageId))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No message " + messageId))
                .chain(message -> withHistory(List.of(message)))
                .map(items -> items.get(0));
    }

    /** The messages with their earlier versions and latest moderation, two reads for the page. */
    private Uni<List<TranscriptMessage>> withHistory(List<Message> rows) {
        List<UUID> ids = rows.stream().map(m -> m.id).toList();
        return messages.versionsOf(ids)
                .map(versions -> versions.stream().collect(Collectors.groupingBy(v -> v.messageId)))
                .chain(
                        versions ->
                                moderations
                                        .latestOf(ids)
                                        .map(latest -> transcript(rows, versions, latest)));
    }

    private static List<TranscriptMessage> transcript(
            List<Message> rows,
            Map<UUID, List<MessageVersion>> versions,
            Map<UUID, ModerationView> moderation) {
        return rows.stream()
                .map(
                        m ->
                                TranscriptMessage.of(
                                        m,
                                        versions.getOrDefault(m.id, List.of()),
                                        moderation.get(m.id)))
                .toList();
    }

    /** Closing twice is fine; the consumer's next message opens a new conversation. */
    @WithTransaction
    public Uni<Detail> close(String brandId, String agentId, UUID id) {
        return conversations
                .requireForBrand(id, brandId)
                .call(
                        conversation -> {
                            if (conversation.status != ConversationStatus.OPEN) {
                                return Uni.createFrom().voidItem();
                            }
                            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                            conversation.close(now);
                            return events.closed(conversation, agentId, now);
                        })
                .chain(this::detail);
    }

    /** The conversation with the reply modes the networks allow right now. */
    public Uni<Detail> detail(Conversation conversation) {
        return ConversationFacts.of(conversation, messages)
                .map(
                        facts -> {
                            Instant now = clock.instant();
                            List<ReplyModeAvailability> modes =
                                    ReplyModePolicy.availability(facts, now);
                            Message latest = facts.lastPublic();
                            return Detail.of(
                                    conversation,
                                    accountName(conversation),
                                    ReplyModePolicy.defaultMode(facts),
                                    modes,
                                    ReplyModePolicy.suggestion(facts, modes).orElse(null),
                                    latest == null
                                            ? null
                                            : new MessageRef(latest.id, latest.platformId),
                                    now);
                        });
    }

    /** Looked up as the conversation is read, so a rename shows at once. */
    private String accountName(Conversation conversation) {
        return accounts.byId(conversation.accountId)
                .map(ConnectedAccount::displayName)
                .orElse(null);
    }

    private Page toPage(List<Conversation> rows, ConversationQuery.Sort sort, int limit) {
        List<Conversation> items = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next =
                rows.size() > limit
                        ? ConversationCursor.after(items.get(items.size() - 1), sort).encode()
                        : null;
        Instant now = clock.instant();
        return new Page(items.stream().map(c -> Summary.of(c, accountName(c), now)).toList(), next);
    }
}
