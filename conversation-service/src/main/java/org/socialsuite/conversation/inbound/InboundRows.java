package org.socialsuite.conversation.inbound;

import static org.socialsuite.support.persistence.SqlTimes.instant;
import static org.socialsuite.support.persistence.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.AttachmentsJson;
import org.socialsuite.conversation.message.EarlyLifecycle;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.PersonalDataColumn;
import org.socialsuite.conversation.profile.KnownConsumer;
import org.socialsuite.events.Channel;
import org.socialsuite.events.Visibility;

/**
 * The statements of a poll of new consumer messages, on one connection in one transaction: each
 * read takes the whole poll's keys as arrays and each write is one multi-row statement over {@code
 * unnest}, so a poll costs a handful of round trips whatever its size. The rows are the entities'
 * own tables and columns (see {@link Conversation}, {@link Message}); nothing here is managed by
 * Hibernate.
 */
final class InboundRows {

    private static final AttachmentsJson ATTACHMENTS = new AttachmentsJson();

    private static final String CONVERSATION_COLUMNS =
            "id, brand_id, account_id, channel, consumer_id, consumer_name, consumer_handle,"
                    + " status, last_message_text, last_message_visibility, last_message_at,"
                    + " last_inbound_visibility, last_inbound_at, last_private_at,"
                    + " last_public_message_id, last_public_at, created_at, updated_at, closed_at,"
                    + " assignee_id, assigned_at, waiting_since, response_due_at,"
                    + " first_response_at";

    private final SqlConnection connection;

    InboundRows(SqlConnection connection) {
        this.connection = connection;
    }

    /** Records the event ids not processed before, and returns those it recorded. */
    Uni<Set<String>> markProcessed(List<String> eventIds, Instant now) {
        return query(
                        "INSERT INTO processed_event (platform_event_id, processed_at)"
                                + " SELECT id, $2 FROM unnest($1::text[]) AS id"
                                + " ON CONFLICT DO NOTHING RETURNING platform_event_id",
                        Tuple.of(eventIds.toArray(String[]::new), utc(now)))
                .map(rows -> collect(rows, row -> row.getString(0), new HashSet<>()));
    }

    /** Of these items ({@code account|platformId}), those already stored. */
    Uni<Set<String>> storedItems(List<String> accountIds, List<String> platformIds) {
        if (platformIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return query(
                        "SELECT m.account_id, m.platform_id FROM message m JOIN unnest($1::text[],"
                                + " $2::text[]) AS k(account_id, platform_id) ON m.account_id ="
                                + " k.account_id AND m.platform_id = k.platform_id",
                        Tuple.of(
                                accountIds.toArray(String[]::new),
                                platformIds.toArray(String[]::new)))
                .map(
                        rows ->
                                collect(
                                        rows,
                                        row ->
                                                EarlyLifecycle.id(
                                                        row.getString(0), row.getString(1)),
                                        new HashSet<>()));
    }

    /** What came early about items not yet stored, by {@link EarlyLifecycle#id}. */
    Uni<Map<String, EarlyLifecycle>> earlyLifecycles(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return query(
                        "SELECT id, deleted, hidden, hidden_at, received_at FROM early_lifecycle"
                                + " WHERE id = ANY($1)",
                        Tuple.of(ids.toArray(String[]::new)))
                .map(
                        rows -> {
                            Map<String, EarlyLifecycle> found = new HashMap<>();
                            for (Row row : rows) {
                                EarlyLifecycle early = new EarlyLifecycle();
                                early.id = row.getString("id");
                                early.deleted = row.getBoolean("deleted");
                                early.hidden = row.getBoolean("hidden");
                                early.hiddenAt = instant(row, "hidden_at");
                                early.receivedAt = instant(row, "received_at");
                                found.put(early.id, early);
                            }
                            return found;
                        });
    }

    /** The consumers' names as profile-service last announced them, by {@link KnownConsumer#id}. */
    Uni<Map<String, KnownConsumer>> knownConsumers(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return query(
                        "SELECT id, name, handle FROM known_consumer WHERE id = ANY($1)",
                        Tuple.of(ids.toArray(String[]::new)))
                .map(
                        rows -> {
                            Map<String, KnownConsumer> found = new HashMap<>();
                            for (Row row : rows) {
                                KnownConsumer known = new KnownConsumer();
                                known.id = row.getString("id");
                                known.name = row.getString("name");
                                known.handle = row.getString("handle");
                                found.put(known.id, known);
                            }
                            return found;
                        });
    }

    /**
     * The current conversation of each (account, consumer) pair: the open one, or else the latest
     * one closed after {@code closedAfter}, which the consumer's message will reopen.
     */
    Uni<List<Conversation>> currentConversations(
            List<String> accountIds, List<String> consumerIds, Instant closedAfter) {
        return query(
                        "SELECT DISTINCT ON (c.account_id, c.consumer_id) "
                                + prefixed("c.", CONVERSATION_COLUMNS)
                                + " FROM conversation c JOIN unnest($1::text[], $2::text[]) AS"
                                + " k(account_id, consumer_id) ON c.account_id = k.account_id AND"
                                + " c.consumer_id = k.consumer_id WHERE c.status = 'OPEN' OR"
                                + " c.closed_at > $3 ORDER BY c.account_id, c.consumer_id,"
                                + " c.closed_at DESC NULLS FIRST",
                        Tuple.of(
                                accountIds.toArray(String[]::new),
                                consumerIds.toArray(String[]::new),
                                utc(closedAfter)))
                .map(rows -> collect(rows, InboundRows::conversation, new ArrayList<>()));
    }

    /** Closed conversations a consumer wrote into again: open, back in their brand's queue. */
    Uni<Void> reopen(List<Conversation> conversations) {
        if (conversations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return query(
                        "UPDATE conversation SET status = 'OPEN', closed_at = NULL,"
                                + " assignee_id = NULL, assigned_at = NULL"
                                + " WHERE id = ANY($1) AND status = 'CLOSED'",
                        Tuple.of(
                                conversations.stream()
                                        .map(conversation -> conversation.id)
                                        .toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /** Conversations the poll opened, as they stand after its messages. */
    Uni<Void> insertConversations(List<Conversation> conversations) {
        if (conversations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ConversationColumns columns = new ConversationColumns(conversations);
        return query(
                        "INSERT INTO conversation (id, brand_id, account_id, channel,"
                                + " consumer_id, status, created_at, consumer_name,"
                                + " consumer_handle, last_message_text, last_message_visibility,"
                                + " last_message_at, last_inbound_visibility, last_inbound_at,"
                                + " last_private_at, last_public_message_id, last_public_at,"
                                + " updated_at, waiting_since, response_due_at)"
                                + " SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[],"
                                + " $4::text[], $5::text[], $6::text[], $7::timestamptz[],"
                                + " $8::text[], $9::text[], $10::text[], $11::text[],"
                                + " $12::timestamptz[], $13::text[], $14::timestamptz[],"
                                + " $15::timestamptz[], $16::uuid[], $17::timestamptz[],"
                                + " $18::timestamptz[], $19::timestamptz[], $20::timestamptz[])",
                        columns.withOpening())
                .replaceWithVoid();
    }

    /**
     * Writes what new messages change on conversations that were already there: the names, the
     * preview, the reply facts and the awaited answer. Never the status or the assignee, which an
     * agent may have just changed; and a wait already begun (an agent may have just answered it) is
     * kept rather than overwritten with what this poll read.
     */
    Uni<Void> updateConversations(List<Conversation> conversations) {
        if (conversations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return query(
                        "UPDATE conversation c SET consumer_name = u.consumer_name,"
                                + " consumer_handle = u.consumer_handle,"
                                + " last_message_text = u.last_message_text,"
                                + " last_message_visibility = u.last_message_visibility,"
                                + " last_message_at = u.last_message_at,"
                                + " last_inbound_visibility = u.last_inbound_visibility,"
                                + " last_inbound_at = u.last_inbound_at,"
                                + " last_private_at = u.last_private_at,"
                                + " last_public_message_id = u.last_public_message_id,"
                                + " last_public_at = u.last_public_at, updated_at = u.updated_at,"
                                + " waiting_since = COALESCE(c.waiting_since, u.waiting_since),"
                                + " response_due_at = CASE WHEN c.waiting_since IS NULL THEN"
                                + " u.response_due_at ELSE c.response_due_at END"
                                + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[],"
                                + " $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[],"
                                + " $9::timestamptz[], $10::uuid[], $11::timestamptz[],"
                                + " $12::timestamptz[], $13::timestamptz[], $14::timestamptz[])"
                                + " AS u(id, consumer_name, consumer_handle,"
                                + " last_message_text, last_message_visibility, last_message_at,"
                                + " last_inbound_visibility, last_inbound_at, last_private_at,"
                                + " last_public_message_id, last_public_at, updated_at,"
                                + " waiting_since, response_due_at)"
                                + " WHERE c.id = u.id",
                        new ConversationColumns(conversations).whatMessagesChange())
                .replaceWithVoid();
    }

    /**
     * Inserts the consumers' messages in the order given: their arrival order ({@code seq}) is the
     * order of the poll, as it would be inserted one by one.
     */
    Uni<Void> insertMessages(List<Message> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = messages.size();
        UUID[] ids = new UUID[n];
        UUID[] conversationIds = new UUID[n];
        String[] directions = new String[n];
        String[] visibilities = new String[n];
        String[] kinds = new String[n];
        String[] channels = new String[n];
        String[] accountIds = new String[n];
        String[] authorIds = new String[n];
        String[] authorNames = new String[n];
        String[] texts = new String[n];
        String[] attachments = new String[n];
        String[] platformIds = new String[n];
        String[] parentIds = new String[n];
        String[] rootIds = new String[n];
        OffsetDateTime[] occurredAts = new OffsetDateTime[n];
        OffsetDateTime[] receivedAts = new OffsetDateTime[n];
        Boolean[] edited = new Boolean[n];
        Boolean[] deleted = new Boolean[n];
        Boolean[] hidden = new Boolean[n];
        String[] personalData = new String[n];
        for (int i = 0; i < n; i++) {
            Message m = messages.get(i);
            ids[i] = m.id;
            conversationIds[i] = m.conversationId;
            directions[i] = m.direction.name();
            visibilities[i] = m.visibility.name();
            kinds[i] = m.kind.name();
            channels[i] = m.channel.name();
            accountIds[i] = m.accountId;
            authorIds[i] = m.authorId;
            authorNames[i] = m.authorName;
            texts[i] = m.text;
            attachments[i] = ATTACHMENTS.convertToDatabaseColumn(m.attachments);
            platformIds[i] = m.platformId;
            parentIds[i] = m.parentPlatformId;
            rootIds[i] = m.rootPlatformId;
            occurredAts[i] = utc(m.occurredAt);
            receivedAts[i] = utc(m.receivedAt);
            edited[i] = m.edited;
            deleted[i] = m.deleted;
            hidden[i] = m.hidden;
            personalData[i] = PersonalDataColumn.INSTANCE.convertToDatabaseColumn(m.personalData);
        }
        return query(
                        "INSERT INTO message (id, conversation_id, direction, visibility, kind,"
                            + " channel, account_id, author_id, author_name, text, attachments,"
                            + " platform_id, parent_platform_id, root_platform_id, occurred_at,"
                            + " received_at, edited, deleted, hidden, personal_data) SELECT id,"
                            + " conversation_id, direction, visibility, kind, channel, account_id,"
                            + " author_id, author_name, text, attachments, platform_id,"
                            + " parent_platform_id, root_platform_id, occurred_at, received_at,"
                            + " edited, deleted, hidden, personal_data FROM unnest($1::uuid[],"
                            + " $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],"
                            + " $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],"
                            + " $12::text[], $13::text[], $14::text[], $15::timestamptz[],"
                            + " $16::timestamptz[], $17::boolean[], $18::boolean[], $19::boolean[],"
                            + " $20::text[]) WITH ORDINALITY AS m(id, conversation_id, direction,"
                            + " visibility, kind, channel, account_id, author_id, author_name,"
                            + " text, attachments, platform_id, parent_platform_id,"
                            + " root_platform_id, occurred_at, received_at, edited, deleted,"
                            + " hidden, personal_data, position) ORDER BY position",
                        Tuple.from(
                                new Object[] {
                                    ids,
                                    conversationIds,
                                    directions,
                                    visibilities,
                                    kinds,
                                    channels,
                                    accountIds,
                                    authorIds,
                                    authorNames,
                                    texts,
                                    attachments,
                                    platformIds,
                                    parentIds,
                                    rootIds,
                                    occurredAts,
                                    receivedAts,
                                    edited,
                                    deleted,
                                    hidden,
                                    personalData
                                }))
                .replaceWithVoid();
    }

    /** The conversations' columns as arrays, one element per conversation. */
    private static final class ConversationColumns {
        final int n;
        final UUID[] ids;
        final String[] names;
        final String[] handles;
        final String[] texts;
        final String[] visibilities;
        final OffsetDateTime[] messageAts;
        final String[] inboundVisibilities;
        final OffsetDateTime[] inboundAts;
        final OffsetDateTime[] privateAts;
        final UUID[] publicIds;
        final OffsetDateTime[] publicAts;
        final OffsetDateTime[] updatedAts;
        final OffsetDateTime[] waitingSinces;
        final OffsetDateTime[] dueAts;
        final List<Conversation> conversations;

        ConversationColumns(List<Conversation> conversations) {
            this.conversations = conversations;
            n = conversations.size();
            ids = new UUID[n];
            names = new String[n];
            handles = new String[n];
            texts = new String[n];
            visibilities = new String[n];
            messageAts = new OffsetDateTime[n];
            inboundVisibilities = new String[n];
            inboundAts = new OffsetDateTime[n];
            privateAts = new OffsetDateTime[n];
            publicIds = new UUID[n];
            publicAts = new OffsetDateTime[n];
            updatedAts = new OffsetDateTime[n];
            waitingSinces = new OffsetDateTime[n];
            dueAts = new OffsetDateTime[n];
            for (int i = 0; i < n; i++) {
                Conversation c = conversations.get(i);
                ids[i] = c.id;
                names[i] = c.consumerName;
                handles[i] = c.consumerHandle;
                texts[i] = c.lastMessageText;
                visibilities[i] = name(c.lastMessageVisibility);
                messageAts[i] = utc(c.lastMessageAt);
                inboundVisibilities[i] = name(c.lastInboundVisibility);
                inboundAts[i] = utc(c.lastInboundAt);
                privateAts[i] = utc(c.lastPrivateAt);
                publicIds[i] = c.lastPublicMessageId;
                publicAts[i] = utc(c.lastPublicAt);
                updatedAts[i] = utc(c.updatedAt);
                waitingSinces[i] = utc(c.waitingSince);
                dueAts[i] = utc(c.responseDueAt);
            }
        }

        Tuple whatMessagesChange() {
            return Tuple.from(columns(new Object[] {ids}, changed()));
        }

        /** Also what a conversation is given once, when it opens. */
        Tuple withOpening() {
            String[] brands = new String[n];
            String[] accounts = new String[n];
            String[] channels = new String[n];
            String[] consumers = new String[n];
            String[] statuses = new String[n];
            OffsetDateTime[] createdAts = new OffsetDateTime[n];
            for (int i = 0; i < n; i++) {
                Conversation c = conversations.get(i);
                brands[i] = c.brandId;
                accounts[i] = c.accountId;
                channels[i] = c.channel.name();
                consumers[i] = c.consumerId;
                statuses[i] = c.status.name();
                createdAts[i] = utc(c.createdAt);
            }
            return Tuple.from(
                    columns(
                            new Object[] {
                                ids, brands, accounts, channels, consumers, statuses, createdAts
                            },
                            changed()));
        }

        /** The columns new messages change, in the order both statements list them. */
        private Object[] changed() {
            return new Object[] {
                names,
                handles,
                texts,
                visibilities,
                messageAts,
                inboundVisibilities,
                inboundAts,
                privateAts,
                publicIds,
                publicAts,
                updatedAts,
                waitingSinces,
                dueAts
            };
        }

        private static Object[] columns(Object[] first, Object[] then) {
            Object[] all = Arrays.copyOf(first, first.length + then.length);
            System.arraycopy(then, 0, all, first.length, then.length);
            return all;
        }
    }

    private Uni<RowSet<Row>> query(String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters);
    }

    private static Conversation conversation(Row row) {
        Conversation c = new Conversation();
        c.id = row.getUUID("id");
        c.brandId = row.getString("brand_id");
        c.accountId = row.getString("account_id");
        c.channel = Channel.valueOf(row.getString("channel"));
        c.consumerId = row.getString("consumer_id");
        c.consumerName = row.getString("consumer_name");
        c.consumerHandle = row.getString("consumer_handle");
        c.status = ConversationStatus.valueOf(row.getString("status"));
        c.lastMessageText = row.getString("last_message_text");
        c.lastMessageVisibility = visibility(row.getString("last_message_visibility"));
        c.lastMessageAt = instant(row, "last_message_at");
        c.lastInboundVisibility = visibility(row.getString("last_inbound_visibility"));
        c.lastInboundAt = instant(row, "last_inbound_at");
        c.lastPrivateAt = instant(row, "last_private_at");
        c.lastPublicMessageId = row.getUUID("last_public_message_id");
        c.lastPublicAt = instant(row, "last_public_at");
        c.createdAt = instant(row, "created_at");
        c.updatedAt = instant(row, "updated_at");
        c.closedAt = instant(row, "closed_at");
        c.assigneeId = row.getString("assignee_id");
        c.assignedAt = instant(row, "assigned_at");
        c.waitingSince = instant(row, "waiting_since");
        c.responseDueAt = instant(row, "response_due_at");
        c.firstResponseAt = instant(row, "first_response_at");
        return c;
    }

    private static <T, C extends Collection<T>> C collect(
            RowSet<Row> rows, Function<Row, T> map, C into) {
        for (Row row : rows) {
            into.add(map.apply(row));
        }
        return into;
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    private static Visibility visibility(String name) {
        return name == null ? null : Visibility.valueOf(name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
