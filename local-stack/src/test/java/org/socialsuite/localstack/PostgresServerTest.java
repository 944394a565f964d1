package org.socialsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.postgres.PostgresServer;

class PostgresServerTest {

    private final PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());

    @Test
    void createsMissingDatabasesAndLeavesExistingOnesAlone() throws Exception {
        String name = "local_stack_test_" + ProcessHandle.current().pid();
        try {
            postgres.ensureDatabases(List.of(name));
            postgres.ensureDatabases(List.of(name));

            try (var connection =
                    DriverManager.getConnection(
                            postgres.jdbcUrl(name), postgres.username(), postgres.password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
        } finally {
            try (var connection =
                            DriverManager.getConnection(
                                    postgres.jdbcUrl("postgres"),
                                    postgres.username(),
                                    postgres.password());
                    var drop = connection.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsReportedNotThrown() {
        PostgresServer nowhere = PostgresServer.fromEnvironment(Map.of("POSTGRES_PORT", "1"));

        assertThat(nowhere.answers()).isFalse();
    }
}
