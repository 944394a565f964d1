package org.socialsuite.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socialsuite.localstack.FreePorts;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.TestKafka;

/**
 * The packaged services running as separate processes, as the run command starts them, on the test
 * broker and fresh databases of their own.
 */
final class RunningSuite implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();

    private final List<ServiceProcess> services = new ArrayList<>();

    synchronized ServiceProcess start(String name, Map<String, String> extraEnvironment) {
        return start(name, FreePorts.next(), extraEnvironment);
    }

    synchronized ServiceProcess start(String name, int port, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        environment.put("QUARKUS_PROFILE", "local");
        ServiceProcess service = ServiceProcess.start(ROOT, name, port, environment, LOGS);
        services.add(service);
        return service;
    }

    /** A service with a fresh, empty database of its own on the machine's PostgreSQL. */
    ServiceProcess startWithDatabase(String name, String database) {
        return startWithDatabase(name, database, Map.of());
    }

    ServiceProcess startWithDatabase(
            String name, String database, Map<String, String> extraEnvironment) {
        return startWithDatabase(name, database, FreePorts.next(), extraEnvironment);
    }

    ServiceProcess startWithDatabase(
            String name, String database, int port, Map<String, String> extraEnvironment) {
        PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());
        postgres.recreateDatabase(database);
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put(
                "QUARKUS_DATASOURCE_REACTIVE_URL",
                "postgresql://" + postgres.address() + "/" + database);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        return start(name, port, environment);
    }

    /** Restarts one of the services in place (same port, environment and log). */
    synchronized ServiceProcess restart(ServiceProcess service) {
        return restart(service, () -> {});
    }

    /** Stops one of the services, does what happens while it is down, and starts it again. */
    synchronized ServiceProcess restart(ServiceProcess service, Runnable whileDown) {
        service.stop();
        whileDown.run();
        ServiceProcess restarted = service.startAgain();
        services.set(services.indexOf(service), restarted);
        return restarted;
    }

    void awaitReady() {
        for (ServiceProcess service : services) {
            await().atMost(Duration.ofSeconds(90))
                    .failFast(
                            service.name() + " exited; see " + service.log(),
                            () -> !service.isAlive())
                    .until(service::isReady);
        }
    }

    /** Stops one of the services for good. */
    synchronized void stop(ServiceProcess service) {
        service.stop();
        services.remove(service);
    }

    @Override
    public synchronized void close() {
        services.parallelStream().forEach(ServiceProcess::stop);
    }
}
