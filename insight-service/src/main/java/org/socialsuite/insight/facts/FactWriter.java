package org.socialsuite.insight.facts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.events.ConversationEvent.DeliveryStatusChanged;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.support.persistence.SqlTimes;

/**
 * Writes a run's facts in one transaction, a statement per table whatever the run's size (rows
 * passed as arrays and unnested). Each statement is idempotent: a message is written once, a
 * delivery keeps its latest status, a closure is written once. Then the touched conversations'
 * waits and beginnings are derived again from all their facts, so they never depend on the order
 * the facts came in.
 */
@ApplicationScoped
public class FactWriter {

    private static final String MESSAGES =
            "INSERT INTO message_fact (message_id, conversation_id, brand_id, channel, direction,"
                    + " visibility, occurred_at, agent_id, reply_mode, sent_outside)"
                    + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                    + " $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],"
                    + " $10::boolean[])"
                    + " ON CONFLICT (message_id) DO NOTHING";

    // A status replayed or redelivered after a later one changes nothing (Facts.LATEST in SQL).
    private static final String DELIVERIES =
            "INSERT INTO delivery_fact (message_id, conversation_id, brand_id, status,"
                    + " failure_reason, changed_at)"
                    + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
                    + " $5::text[], $6::timestamptz[])"
                    + " ON CONFLICT (message_id) DO UPDATE SET status = excluded.status,"
                    + " failure_reason = excluded.failure_reason, changed_at = excluded.changed_at"
                    + " WHERE (excluded.changed_at, excluded.status <> 'PENDING')"
                    + " > (delivery_fact.changed_at, delivery_fact.status <> 'PENDING')";

    private static final String CLOSURES =
            "INSERT INTO closure_fact (conversation_id, closed_at, brand_id, closed_by)"
                    + " SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[])"
                    + " ON CONFLICT (conversation_id, closed_at) DO NOTHING";

    /** The messages of the touched conversations ($1), without the replies the network refused. */
    private static final String HISTORY =
            "history AS (SELECT m.*, count(*) FILTER (WHERE m.direction = 'OUTBOUND') OVER"
                    + " (PARTITION BY m.conversation_id ORDER BY m.occurred_at, m.message_id)"
                    + " - CASE WHEN m.direction = 'OUTBOUND' THEN 1 ELSE 0 END AS turn"
                    + " FROM message_fact m WHERE m.conversation_id = ANY($1) AND NOT EXISTS"
                    + " (SELECT 1 FROM delivery_fact d WHERE d.message_id = m.message_id"
                    + " AND d.status = 'FAILED'))";

    /**
     * A turn holds the consumer's messages after the brand's n-th reply and the reply that ends
     * them (the (n+1)-th); a turn without a consumer's message is no wait.
     */
    private static final String WAITS =
            "WITH "
                    + HISTORY
                    + ", turns AS (SELECT conversation_id, turn, min(brand_id) AS brand_id,"
                    + " min(channel) AS channel, (array_agg(visibility ORDER BY occurred_at,"
                    + " message_id)   FILTER (WHERE direction = 'INBOUND'))[1] AS visibility,"
                    + " min(occurred_at) FILTER (WHERE direction = 'INBOUND') AS asked_at,"
                    + " min(occurred_at) FILTER (WHERE direction = 'OUTBOUND') AS answered_at,"
                    + " min(agent_id) FILTER (WHERE direction = 'OUTBOUND') AS agent_id FROM"
                    + " history GROUP BY conversation_id, turn HAVING count(*) FILTER (WHERE"
                    + " direction = 'INBOUND') > 0), gone AS (DELETE FROM wait_fact w WHERE"
                    + " w.conversation_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM turns t   WHERE"
                    + " t.conversation_id = w.conversation_id AND t.turn = w.turn)) INSERT INTO"
                    + " wait_fact (conversation_id, turn, brand_id, channel, visibility, asked_at,"
                    + " answered_at, agent_id) SELECT conversation_id, turn, brand_id, channel,"
                    + " visibility, asked_at, answered_at, agent_id FROM turns ON CONFLICT"
                    + " (conversation_id, turn) DO UPDATE SET brand_id = excluded.brand_id, channel"
                    + " = excluded.channel, visibility = excluded.visibility, asked_at ="
                    + " excluded.asked_at, answered_at = excluded.answered_at, agent_id ="
                    + " excluded.agent_id";

    private static final String CONVERSATIONS =
            "WITH "
                    + HISTORY
                    + " INSERT INTO conversation_fact (conversation_id, brand_id, channel,"
                    + " started_at, started_as, private_at, closed_at) SELECT conversation_id,"
                    + " min(brand_id), (array_agg(channel ORDER BY occurred_at, message_id))[1],"
                    + " min(occurred_at), (array_agg(visibility ORDER BY occurred_at,"
                    + " message_id))[1], min(occurred_at) FILTER (WHERE visibility = 'PRIVATE'),"
                    + " (SELECT min(c.closed_at) FROM closure_fact c   WHERE c.conversation_id ="
                    + " history.conversation_id) FROM history GROUP BY conversation_id ON CONFLICT"
                    + " (conversation_id) DO UPDATE SET brand_id = excluded.brand_id, channel ="
                    + " excluded.channel, started_at = excluded.started_at, started_as ="
                    + " excluded.started_as, private_at = excluded.private_at, closed_at ="
                    + " excluded.closed_at";

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
                        run(connection, MESSAGES, facts.messages(), FactWriter::messageColumns)
                                .chain(
                                        () ->
                                                run(
                                                        connection,
                                                        DELIVERIES,
                                                        facts.deliveries(),
                                                        FactWriter::deliveryColumns))
                                .chain(
                                        () ->
                                                run(
                                                        connection,
                                                        CLOSURES,
                                                        facts.closures(),
                                                        FactWriter::closureColumns))
                                .chain(() -> derive(connection, facts.conversations())));
    }

    /** The touched conversations' waits and beginnings, from their facts as they now stand. */
    private static Uni<Void> derive(SqlConnection connection, List<String> conversations) {
        Tuple touched = Tuple.tuple().addArrayOfString(conversations.toArray(String[]::new));
        return connection
                .preparedQuery(WAITS)
                .execute(touched)
                .chain(() -> connection.preparedQuery(CONVERSATIONS).execute(touched))
                .replaceWithVoid();
    }

    private static <T> Uni<Void> run(
            SqlConnection connection, String sql, List<T> rows, Function<List<T>, Tuple> columns) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).execute(columns.apply(rows)).replaceWithVoid();
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
