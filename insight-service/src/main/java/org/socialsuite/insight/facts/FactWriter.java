package org.socialsuite.insight.facts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.events.ConversationEvent.DeliveryStatusChanged;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.support.persistence.SqlTimes;

/**
 * Writes a run's facts in one transaction, a statement per table whatever the run's size (rows
 * passed as arrays and unnested). Each statement is idempotent: a message is written once, a
 * delivery keeps its latest status, a closure is written once. What they changed (the new messages,
 * replies that failed, new closures) is then followed into the derived tables ({@link Derived}).
 */
@ApplicationScoped
public class FactWriter {

    private static final String MESSAGES =
            "INSERT INTO message_fact (message_id, conversation_id, brand_id, channel, direction,"
                    + " visibility, occurred_at, agent_id, reply_mode, sent_outside)"
                    + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                    + " $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],"
                    + " $10::boolean[])"
                    + " ON CONFLICT (message_id) DO NOTHING"
                    + " RETURNING message_id, conversation_id, direction, occurred_at";

    // A status replayed or redelivered after a later one changes nothing (Facts.LATEST in SQL).
    private static final String DELIVERIES =
            "INSERT INTO delivery_fact (message_id, conversation_id, brand_id, status,"
                    + " failure_reason, changed_at)"
                    + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                    + " $5::text[], $6::timestamptz[])"
                    + " ON CONFLICT (message_id) DO UPDATE SET status = excluded.status,"
                    + " failure_reason = excluded.failure_reason, changed_at = excluded.changed_at"
                    + " WHERE (excluded.changed_at, excluded.status <> 'PENDING')"
                    + " > (delivery_fact.changed_at, delivery_fact.status <> 'PENDING')"
                    + " RETURNING message_id, status";

    private static final String CLOSURES =
            "INSERT INTO closure_fact (conversation_id, closed_at, brand_id, closed_by)"
                    + " SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[])"
                    + " ON CONFLICT (conversation_id, closed_at) DO NOTHING"
                    + " RETURNING conversation_id, closed_at";

    /**
     * Plans made for each poll's arrays: a plan kept for any size of them joins a poll's few
     * conversations to the whole table once the table has grown.
     */
    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /** The conversations and times of replies ($1) that failed, where their message is known. */
    private static final String FAILED_REPLIES =
            "SELECT message_id, conversation_id, occurred_at FROM message_fact"
                    + " WHERE message_id = ANY($1)";

    private final Pool pool;

    public FactWriter(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> write(Facts facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(
                connection ->
                        connection
                                .query(CUSTOM_PLANS)
                                .execute()
                                .chain(() -> write(connection, facts)));
    }

    private static Uni<Void> write(SqlConnection connection, Facts facts) {
        Map<String, Derived.Point> since = new HashMap<>();
        Set<String> replied = new HashSet<>();
        List<String> newMessages = new ArrayList<>();
        List<String> failedReplies = new ArrayList<>();
        Map<String, Instant> closures = new HashMap<>();
        return run(connection, MESSAGES, facts.messages(), FactWriter::messageColumns)
                .invoke(
                        rows ->
                                rows.forEach(
                                        row -> {
                                            newMessages.add(row.getString("message_id"));
                                            place(since, row);
                                            if ("OUTBOUND".equals(row.getString("direction"))) {
                                                replied.add(row.getString("conversation_id"));
                                            }
                                        }))
                .chain(
                        () ->
                                run(
                                        connection,
                                        DELIVERIES,
                                        facts.deliveries(),
                                        FactWriter::deliveryColumns))
                .invoke(
                        rows ->
                                rows.forEach(
                                        row -> {
                                            if ("FAILED".equals(row.getString("status"))) {
                                                failedReplies.add(row.getString("message_id"));
                                            }
                                        }))
                .chain(
                        () ->
                                run(
                                        connection,
                                        CLOSURES,
                                        facts.closures(),
                                        FactWriter::closureColumns))
                .invoke(rows -> rows.forEach(row -> earliest(closures, row, "closed_at")))
                .chain(() -> failed(connection, failedReplies, since))
                .invoke(replied::addAll)
                .chain(
                        failedConversations ->
                                Derived.follow(
                                        connection,
                                        new Derived.Changes(
                                                since,
                                                replied,
                                                newMessages,
                                                failedConversations,
                                                closures)));
    }

    /**
     * A reply the network refused no longer answers or moves anything from its time on; the
     * conversations it was in. Its message may not be here yet, and then it is counted as failed
     * when it comes.
     */
    private static Uni<List<String>> failed(
            SqlConnection connection, List<String> replies, Map<String, Derived.Point> since) {
        if (replies.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection
                .preparedQuery(FAILED_REPLIES)
                .execute(Tuple.tuple().addArrayOfString(replies.toArray(String[]::new)))
                .map(
                        rows -> {
                            List<String> conversations = new ArrayList<>();
                            rows.forEach(
                                    row -> {
                                        conversations.add(row.getString("conversation_id"));
                                        place(since, row);
                                    });
                            return conversations;
                        });
    }

    /** The message's place, if it is its conversation's earliest so far. */
    private static void place(Map<String, Derived.Point> since, Row row) {
        since.merge(
                row.getString("conversation_id"),
                new Derived.Point(
                        SqlTimes.instant(row, "occurred_at"), row.getString("message_id")),
                Derived.Point::earlier);
    }

    private static void earliest(Map<String, Instant> byConversation, Row row, String time) {
        byConversation.merge(
                row.getString("conversation_id"),
                SqlTimes.instant(row, time),
                (one, other) -> one.isBefore(other) ? one : other);
    }

    /** The rows the statement returned: those it wrote. */
    private static <T> Uni<Iterable<Row>> run(
            SqlConnection connection, String sql, List<T> rows, Function<List<T>, Tuple> columns) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery(sql).execute(columns.apply(rows)).map(written -> written);
    }

    private static Tuple messageColumns(List<MessageRecorded> rows) {
        return Tuple.tuple()
                .addArrayOfString(texts(rows, MessageRecorded::messageId))
                .addArrayOfString(texts(rows, MessageRecorded::conversationId))
                .addArrayOfString(texts(rows, MessageRecorded::brandId))
                .addArrayOfString(texts(rows, m -> m.channel().name()))
                .addArrayOfString(texts(rows, m -> m.direction().name()))
                .addArrayOfString(texts(rows, m -> m.visibility().name()))
                .addArrayOfOffsetDateTime(times(rows, m -> SqlTimes.utc(m.occurredAt())))
                .addArrayOfString(texts(rows, MessageRecorded::agentId))
                .addArrayOfString(
                        texts(rows, m -> m.replyMode() == null ? null : m.replyMode().name()))
                .addArrayOfBoolean(
                        rows.stream().map(MessageRecorded::sentOutside).toArray(Boolean[]::new));
    }

    private static Tuple deliveryColumns(List<DeliveryStatusChanged> rows) {
        return Tuple.tuple()
                .addArrayOfString(texts(rows, DeliveryStatusChanged::messageId))
                .addArrayOfString(texts(rows, DeliveryStatusChanged::conversationId))
                .addArrayOfString(texts(rows, DeliveryStatusChanged::brandId))
                .addArrayOfString(texts(rows, DeliveryStatusChanged::deliveryStatus))
                .addArrayOfString(texts(rows, DeliveryStatusChanged::failureReason))
                .addArrayOfOffsetDateTime(times(rows, d -> SqlTimes.utc(d.changedAt())));
    }

    private static Tuple closureColumns(List<ConversationClosed> rows) {
        return Tuple.tuple()
                .addArrayOfString(texts(rows, ConversationClosed::conversationId))
                .addArrayOfOffsetDateTime(times(rows, c -> SqlTimes.utc(c.closedAt())))
                .addArrayOfString(texts(rows, ConversationClosed::brandId))
                .addArrayOfString(texts(rows, ConversationClosed::closedBy));
    }

    private static <T> String[] texts(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    private static <T> OffsetDateTime[] times(List<T> rows, Function<T, OffsetDateTime> column) {
        return rows.stream().map(column).toArray(OffsetDateTime[]::new);
    }
}
