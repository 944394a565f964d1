package org.socialsuite.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.socialsuite.localstack.postgres.PostgresServer;

/**
 * Gives the application under test its own database on the machine's PostgreSQL (created when
 * missing), for both the reactive and the JDBC (Flyway) datasource. The database name is the {@code
 * database} init argument.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("PostgresResource needs a 'database' init argument");
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.fromEnvironment(System.getenv());
        if (!server.answers()) {
            throw new IllegalStateException(
                    "No PostgreSQL answers at "
                            + server.address()
                            + ": start it (pg_ctlcluster --skip-systemctl-redirect $(ls"
                            + " /etc/postgresql) main start) or set POSTGRES_HOST/POSTGRES_PORT");
        }
        server.ensureDatabases(java.util.List.of(database));
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://" + server.address() + "/" + database,
                "quarkus.datasource.jdbc.url",
                server.jdbcUrl(database),
                "quarkus.datasource.username",
                server.username(),
                "quarkus.datasource.password",
                server.password());
    }

    @Override
    public void stop() {}
}
