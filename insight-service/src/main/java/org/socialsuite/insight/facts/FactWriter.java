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
 * delivery keeps its latest status, a closure is written once.
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
                                                        FactWriter::closureColumns)));
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
