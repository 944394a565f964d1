package org.socialsuite.benchmark.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.socialsuite.localstack.postgres.PostgresServer;

/**
 * What this machine's PostgreSQL takes from plain JDBC: message-shaped rows (a uuid key, a unique
 * platform id, text and two timestamps), inserted in batches, committed every batch.
 */
public final class RawPostgresInserts {

    private static final String DATABASE = "benchmark_raw";

    private RawPostgresInserts() {}

    /** Rows per second. */
    public static double rowsPerSecond(PostgresServer server, int rows, int batch)
            throws SQLException {
        server.recreateDatabase(DATABASE);
        try (Connection connection = server.connect(DATABASE)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute(
                        "CREATE TABLE message (id uuid PRIMARY KEY, conversation_id uuid NOT NULL,"
                                + " platform_id text NOT NULL UNIQUE, text text, occurred_at"
                                + " timestamptz NOT NULL, received_at timestamptz NOT NULL)");
            }
            connection.setAutoCommit(false);
            UUID conversation = UUID.randomUUID();
            long start = System.nanoTime();
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO message VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Timestamp now = Timestamp.from(Instant.now());
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, conversation);
                    insert.setString(3, "m_raw_" + i);
                    insert.setString(4, "my order has not arrived, can you check where it is?");
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        } finally {
            try (Connection admin = server.connect("postgres");
                    Statement drop = admin.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }
}
