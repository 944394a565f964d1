package org.socialsuite.localstack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts PostgreSQL from the binaries on Maven Central, for machines with no server of their own.
 * PostgreSQL refuses to run as root, so as root this says how to provide a server instead.
 */
public final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {}

    public static EmbeddedPostgres start(Path dataDir, int port) {
        if (runningAsRoot()) {
            throw new IllegalStateException(
                    """
                    No PostgreSQL answers on 127.0.0.1:%d, and the embedded one cannot start: \
                    PostgreSQL refuses to run as root.
                      Start the machine's server:  pg_ctlcluster --skip-systemctl-redirect \
                    $(ls /etc/postgresql) main start
                      or point the suite at one:   POSTGRES_HOST=... POSTGRES_PORT=... \
                    QUARKUS_DATASOURCE_USERNAME=... QUARKUS_DATASOURCE_PASSWORD=... ./run.sh
                      or run ./run.sh as a user other than root.\
                    """
                            .formatted(port));
        }
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
