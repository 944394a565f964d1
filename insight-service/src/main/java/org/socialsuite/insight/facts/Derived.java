package org.socialsuite.insight.facts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socialsuite.support.persistence.SqlTimes;

/**
 * Keeps {@code wait_fact} and {@code conversation_fact} as all the facts say, touching only what a
 * poll's new facts can change: a conversation's waits from the last one that began before its
 * earliest new fact, its beginning by taking the earlier of what it had and what came. So the work
 * per poll follows the poll, not the conversations' length, and the outcome never depends on the
 * order the facts came in. The statements are in {@code src/main/resources/sql/}.
 */
final class Derived {

    private static final String WAITS = statement("waits");
    private static final String BEGINNINGS = statement("beginnings");
    private static final String BEGINNINGS_AGAIN = statement("beginnings-again");
    private static final String CLOSED = statement("closed");

    private Derived() {}

    /**
     * What a poll's writes changed.
     *
     * @param since each changed conversation's earliest new message or reply that failed
     * @param replied the conversations where a reply came or failed
     * @param newMessages the messages written for the first time
     * @param failedReplyConversations the conversations of replies that failed
     * @param closures each newly closed conversation's earliest new closure
     */
    record Changes(
            Map<String, Point> since,
            Set<String> replied,
            List<String> newMessages,
            List<String> failedReplyConversations,
            Map<String, Instant> closures) {}

    /** A message's place in its conversation: by time, then by id (two may share an instant). */
    record Point(Instant at, String messageId) implements Comparable<Point> {

        @Override
        public int compareTo(Point other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : messageId.compareTo(other.messageId);
        }

        static Point earlier(Point one, Point other) {
            return one.compareTo(other) <= 0 ? one : other;
        }
    }

    static Uni<Void> follow(SqlConnection connection, Changes changes) {
        Tuple waits =
                Tuple.tuple()
                        .addArrayOfString(changes.since().keySet().toArray(String[]::new))
                        .addArrayOfOffsetDateTime(
                                changes.since().values().stream()
                                        .map(point -> SqlTimes.utc(point.at()))
                                        .toArray(OffsetDateTime[]::new))
                        .addArrayOfString(
                                changes.since().values().stream()
                                        .map(Point::messageId)
                                        .toArray(String[]::new))
                        .addArrayOfBoolean(
                                changes.since().keySet().stream()
                                        .map(changes.replied()::contains)
                                        .toArray(Boolean[]::new));
        return run(connection, !changes.since().isEmpty(), WAITS, waits)
                .chain(
                        () ->
                                run(
                                        connection,
                                        !changes.newMessages().isEmpty(),
                                        BEGINNINGS,
                                        ids(changes.newMessages())))
                .chain(
                        () ->
                                run(
                                        connection,
                                        !changes.failedReplyConversations().isEmpty(),
                                        BEGINNINGS_AGAIN,
                                        ids(changes.failedReplyConversations())))
                .chain(
                        () ->
                                run(
                                        connection,
                                        !changes.closures().isEmpty(),
                                        CLOSED,
                                        times(changes.closures())));
    }

    private static Uni<Void> run(
            SqlConnection connection, boolean needed, String sql, Tuple parameters) {
        if (!needed) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }

    private static Tuple ids(List<String> ids) {
        return Tuple.tuple().addArrayOfString(ids.toArray(String[]::new));
    }

    /** Conversations and an instant each, as two arrays of one order. */
    private static Tuple times(Map<String, Instant> byConversation) {
        return Tuple.tuple()
                .addArrayOfString(byConversation.keySet().toArray(String[]::new))
                .addArrayOfOffsetDateTime(
                        byConversation.values().stream()
                                .map(SqlTimes::utc)
                                .toArray(OffsetDateTime[]::new));
    }

    private static String statement(String name) {
        String path = "/sql/" + name + ".sql";
        try (InputStream in = Derived.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No statement " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
