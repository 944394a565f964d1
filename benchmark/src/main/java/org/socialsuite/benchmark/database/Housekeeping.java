package org.socialsuite.benchmark.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.socialsuite.localstack.postgres.PostgresServer;

/**
 * The suite's databases between phases. Their outboxes and conversation rows churn (every message
 * rewrites a row and deletes another), and without vacuum the dead versions pile up until
 * PostgreSQL, not the suite, sets the pace: 422 events/s end to end instead of 3,430 on the
 * development machine, whose PostgreSQL runs with autovacuum off. When it is off, the benchmark
 * vacuums before each phase, as autovacuum would have, and says so in the report.
 */
public final class Housekeeping {

    private static final List<String> SUITE_DATABASES =
            List.of("conversation", "profile", "outbound");

    private final PostgresServer server;
    private final boolean autovacuum;
    private long deadRowsVacuumed;

    private Housekeeping(PostgresServer server, boolean autovacuum) {
        this.server = server;
        this.autovacuum = autovacuum;
    }

    public static Housekeeping of(PostgresServer server) {
        return new Housekeeping(server, server.autovacuums());
    }

    public boolean autovacuum() {
        return autovacuum;
    }

    /** Dead rows found and vacuumed by {@link #beforePhase()} over the run. */
    public long deadRowsVacuumed() {
        return deadRowsVacuumed;
    }

    /** Vacuums the suite's databases when the server will not. */
    public void beforePhase() throws SQLException {
        if (autovacuum) {
            return;
        }
        for (String database : SUITE_DATABASES) {
            try (Connection connection = server.connect(database);
                    Statement statement = connection.createStatement()) {
                try (ResultSet dead =
                        statement.executeQuery(
                                "SELECT coalesce(sum(n_dead_tup), 0) FROM pg_stat_user_tables")) {
                    dead.next();
                    deadRowsVacuumed += dead.getLong(1);
                }
                statement.execute("VACUUM (ANALYZE)");
            }
        }
    }
}
