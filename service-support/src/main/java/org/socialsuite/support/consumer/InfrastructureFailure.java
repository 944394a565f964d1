package org.socialsuite.support.consumer;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the infrastructure (the database or the broker away, a pool closing at
 * shutdown, a timeout), which passes, from a failure of the record itself, which never will. Only
 * the second may send a record to a dead-letter topic: an outage is not poison (DESIGN.md §6).
 */
public final class InfrastructureFailure {

    /**
     * SQLSTATE classes where the server, not the statement, failed: connection (08), insufficient
     * resources (53), operator intervention such as a shutdown or a server not yet accepting
     * connections (57), system errors (58); and the conflicts a retry resolves (40001, 40P01).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "58");

    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01");

    private InfrastructureFailure() {}

    /** How the SQL client words a connection it has lost, where it throws no typed exception. */
    private static final List<String> LOST_CONNECTION =
            List.of("Pool closed", "Connection is not active", "Connection closed");

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof CompositeException composite) {
                // Mutiny gathers a failure and what went wrong cleaning up after it: any outage
                // among them makes the whole an outage.
                return composite.getCauses().stream()
                        .anyMatch(InfrastructureFailure::isInfrastructure);
            }
            if (cause instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null
                        && (TRANSIENT_SQL_STATES.contains(state)
                                || TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2)));
            }
            if (cause instanceof IOException
                    || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause instanceof RetriableException
                    || cause instanceof RejectedExecutionException
                    || lostConnection(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostConnection(String message) {
        return message != null && LOST_CONNECTION.stream().anyMatch(message::startsWith);
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
