package org.socialsuite.insight.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.socialsuite.insight.report.Figures.AgentFigures;
import org.socialsuite.insight.report.Figures.Day;
import org.socialsuite.insight.report.Figures.FailureReason;
import org.socialsuite.insight.report.Figures.PublicConversations;
import org.socialsuite.insight.report.Figures.ReplyOutcomes;
import org.socialsuite.insight.report.Figures.ResponseTimes;
import org.socialsuite.support.persistence.SqlTimes;

/**
 * The figures, computed when asked from the facts and what facts/Derived derives from them: $1 is
 * the brand, [$2, $3) the period, $4 (where used) the reader's time zone. The building blocks below
 * are common table expressions that every query composes from.
 */
@ApplicationScoped
public class InsightQueries {

    /**
     * Each time, in the period, the consumer wrote while no answer was owed (the conversation's
     * first message, or the first after the brand's last reply), with the brand's next reply that
     * did not fail (facts/Derived keeps them).
     */
    private static final String WAITS =
            " waits AS (SELECT channel, visibility, asked_at, answered_at, agent_id FROM wait_fact"
                    + " WHERE brand_id = $1 AND asked_at >= $2 AND asked_at < $3)";

    /**
     * The conversations that began in the period: how (public or private, the first message's
     * visibility), when the first private message came, when an agent first closed it.
     */
    private static final String STARTED =
            " started AS (SELECT channel, started_at, started_as, private_at, closed_at"
                    + " FROM conversation_fact"
                    + " WHERE brand_id = $1 AND started_at >= $2 AND started_at < $3)";

    /** Agents' replies from the workspace in the period, with their delivery's outcome. */
    private static final String REPLIES =
            " replies AS (SELECT m.agent_id, m.occurred_at, coalesce(d.status, 'PENDING') AS"
                + " status, d.failure_reason FROM message_fact m LEFT JOIN delivery_fact d ON"
                + " d.message_id = m.message_id WHERE m.brand_id = $1 AND m.direction = 'OUTBOUND'"
                + " AND m.agent_id IS NOT NULL AND m.occurred_at >= $2 AND m.occurred_at < $3)";

    private static String seconds(String from, String to) {
        return "extract(epoch FROM " + to + " - " + from + ")::float8";
    }

    private static String median(String from, String to) {
        return "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds(from, to) + ")";
    }

    private static final String OUTCOMES =
            " count(*) FILTER (WHERE status = 'SENT') AS sent,"
                    + " count(*) FILTER (WHERE status = 'FAILED') AS failed,"
                    + " count(*) FILTER (WHERE status = 'DELIVERY_UNKNOWN') AS unknown";

    private static final String RESPONSE_TIMES =
            "WITH"
                    + WAITS
                    + " SELECT channel, visibility, count(*) AS waits, count(answered_at) AS"
                    + " answered, "
                    + median("asked_at", "answered_at")
                    + " AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY "
                    + seconds("asked_at", "answered_at")
                    + ") AS p90 FROM waits GROUP BY channel, visibility ORDER BY channel,"
                    + " visibility";

    private static final String PUBLIC_CONVERSATIONS =
            "WITH"
                    + STARTED
                    + " SELECT channel, count(*) AS conversations, count(private_at) AS moved, "
                    + median("started_at", "private_at")
                    + " AS median, count(closed_at) AS closed,"
                    + " count(*) FILTER (WHERE closed_at IS NOT NULL"
                    + "   AND (private_at IS NULL OR private_at > closed_at)) AS resolved_in_public"
                    + " FROM started WHERE started_as = 'PUBLIC' GROUP BY channel ORDER BY channel";

    private static final String REPLY_OUTCOMES =
            "WITH"
                    + REPLIES
                    + " SELECT"
                    + OUTCOMES
                    + ", count(*) FILTER (WHERE status = 'PENDING') AS pending FROM replies";

    private static final int FAILURE_REASONS = 5;

    private static final String FAILURE_REASONS_SQL =
            "WITH"
                    + REPLIES
                    + " SELECT coalesce(failure_reason, 'No reason given') AS reason,"
                    + " count(*) AS replies FROM replies WHERE status = 'FAILED'"
                    + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT "
                    + FAILURE_REASONS;

    private static final String DAILY =
            "WITH"
                    + WAITS
                    + ","
                    + STARTED
                    + ","
                    + REPLIES
                    + ", days AS (SELECT generate_series(($2::timestamptz AT TIME ZONE"
                    + " $4::text)::date,   (($3::timestamptz - interval '1 microsecond') AT TIME"
                    + " ZONE $4::text)::date,   interval '1 day')::date AS day), w AS (SELECT"
                    + " (asked_at AT TIME ZONE $4::text)::date AS day, count(*) AS waits,  "
                    + " count(answered_at) AS answered, "
                    + median("asked_at", "answered_at")
                    + " AS median FROM waits GROUP BY 1)"
                    + ", c AS (SELECT (started_at AT TIME ZONE $4::text)::date AS day,"
                    + "   count(*) AS public_conversations, count(private_at) AS moved"
                    + "   FROM started WHERE started_as = 'PUBLIC' GROUP BY 1)"
                    + ", r AS (SELECT (occurred_at AT TIME ZONE $4::text)::date AS day,"
                    + OUTCOMES
                    + " FROM replies GROUP BY 1)"
                    + " SELECT days.day, coalesce(w.waits, 0) AS waits,"
                    + " coalesce(w.answered, 0) AS answered, w.median,"
                    + " coalesce(c.public_conversations, 0) AS public_conversations,"
                    + " coalesce(c.moved, 0) AS moved, coalesce(r.sent, 0) AS sent,"
                    + " coalesce(r.failed, 0) AS failed, coalesce(r.unknown, 0) AS unknown"
                    + " FROM days LEFT JOIN w USING (day) LEFT JOIN c USING (day)"
                    + " LEFT JOIN r USING (day) ORDER BY days.day";

    private static final String AGENTS =
            "WITH"
                    + WAITS
                    + ","
                    + REPLIES
                    + ", answers AS (SELECT agent_id, count(*) AS answered, "
                    + median("asked_at", "answered_at")
                    + " AS median FROM waits WHERE agent_id IS NOT NULL GROUP BY agent_id)"
                    + ", sent AS (SELECT agent_id, count(*) AS replies,"
                    + OUTCOMES
                    + " FROM replies GROUP BY agent_id)"
                    + " SELECT agent_id, coalesce(sent.replies, 0) AS replies,"
                    + " coalesce(sent.sent, 0) AS sent, coalesce(sent.failed, 0) AS failed,"
                    + " coalesce(sent.unknown, 0) AS unknown,"
                    + " coalesce(answers.answered, 0) AS answered, answers.median"
                    + " FROM sent FULL JOIN answers USING (agent_id) ORDER BY 2 DESC, agent_id";

    private final Pool pool;

    public InsightQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ResponseTimes>> responseTimes(String brandId, Period period) {
        return list(
                RESPONSE_TIMES,
                brandPeriod(brandId, period),
                row ->
                        new ResponseTimes(
                                row.getString("channel"),
                                row.getString("visibility"),
                                row.getLong("waits"),
                                row.getLong("answered"),
                                row.getDouble("median"),
                                row.getDouble("p90")));
    }

    public Uni<List<PublicConversations>> publicConversations(String brandId, Period period) {
        return list(
                PUBLIC_CONVERSATIONS,
                brandPeriod(brandId, period),
                row ->
                        PublicConversations.of(
                                row.getString("channel"),
                                row.getLong("conversations"),
                                row.getLong("moved"),
                                row.getDouble("median"),
                                row.getLong("closed"),
                                row.getLong("resolved_in_public")));
    }

    public Uni<ReplyOutcomes> replyOutcomes(String brandId, Period period) {
        Tuple parameters = brandPeriod(brandId, period);
        Uni<List<FailureReason>> reasons =
                list(
                        FAILURE_REASONS_SQL,
                        parameters,
                        row -> new FailureReason(row.getString("reason"), row.getLong("replies")));
        return pool.preparedQuery(REPLY_OUTCOMES)
                .execute(parameters)
                .map(rows -> rows.iterator().next())
                .chain(
                        row ->
                                reasons.map(
                                        top ->
                                                new ReplyOutcomes(
                                                        row.getLong("sent"),
                                                        row.getLong("failed"),
                                                        row.getLong("unknown"),
                                                        row.getLong("pending"),
                                                        top)));
    }

    public Uni<List<Day>> days(String brandId, Period period) {
        return list(
                DAILY,
                brandPeriod(brandId, period).addString(period.zone().getId()),
                row ->
                        new Day(
                                row.getLocalDate("day"),
                                row.getLong("waits"),
                                row.getLong("answered"),
                                row.getDouble("median"),
                                row.getLong("public_conversations"),
                                row.getLong("moved"),
                                row.getLong("sent"),
                                row.getLong("failed"),
                                row.getLong("unknown")));
    }

    public Uni<List<AgentFigures>> agents(String brandId, Period period) {
        return list(
                AGENTS,
                brandPeriod(brandId, period),
                row ->
                        new AgentFigures(
                                row.getString("agent_id"),
                                row.getLong("replies"),
                                row.getLong("sent"),
                                row.getLong("failed"),
                                row.getLong("unknown"),
                                row.getLong("answered"),
                                row.getDouble("median")));
    }

    private static Tuple brandPeriod(String brandId, Period period) {
        return Tuple.of(brandId, SqlTimes.utc(period.start()), SqlTimes.utc(period.end()));
    }

    private <T> Uni<List<T>> list(String sql, Tuple parameters, Function<Row, T> mapping) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> map(rows, mapping));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapping) {
        List<T> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(mapping.apply(row)));
        return result;
    }
}
