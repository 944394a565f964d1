package org.socialsuite.localstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL server the suite uses, addressed by the same environment variables the services
 * read: {@code POSTGRES_HOST}, {@code POSTGRES_PORT}, {@code QUARKUS_DATASOURCE_USERNAME}, {@code
 * QUARKUS_DATASOURCE_PASSWORD}.
 */
public record PostgresServer(String host, int port, String username, String password) {

    public static PostgresServer fromEnvironment(Map<String, String> env) {
        return new PostgresServer(
                env.getOrDefault("POSTGRES_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("POSTGRES_PORT", "5432")),
                env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
    }

    public String address() {
        return host + ":" + port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    /** True when the server accepts a connection within a few seconds. */
    public boolean answers() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the server vacuums by itself ({@code autovacuum = on}). */
    public boolean autovacuums() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
            setting.next();
            return "on".equals(setting.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read autovacuum on " + address() + ": " + e, e);
        }
    }

    /** Creates each database that does not exist yet; an existing one is left as it is. */
    public void ensureDatabases(Collection<String> databases) {
        try (Connection connection = connect("postgres")) {
            for (String database : databases) {
                if (!exists(connection, database)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + identifier(database));
                    } catch (SQLException e) {
                        // Another process may have created it a moment ago; that is fine.
                        if (!exists(connection, database)) {
                            throw e;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create databases " + databases + " on " + address() + ": " + e, e);
        }
    }

    /** Drops the database if it exists (disconnecting its sessions) and creates it empty. */
    public void recreateDatabase(String database) {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + identifier(database) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + identifier(database));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot recreate " + database + ": " + e, e);
        }
    }

    /** A database name as a quoted identifier; quotes inside it are dropped, never interpreted. */
    private static String identifier(String database) {
        return "\"" + database.replace("\"", "") + "\"";
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            return query.executeQuery().next();
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }
}
