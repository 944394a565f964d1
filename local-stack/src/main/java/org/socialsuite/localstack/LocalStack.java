package org.socialsuite.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.socialsuite.localstack.kafka.KafkaBroker;
import org.socialsuite.localstack.kafka.SuiteTopics;
import org.socialsuite.localstack.postgres.EmbeddedPostgresLauncher;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.localstack.services.SuiteService;
import org.socialsuite.localstack.services.SuiteWiring;
import org.socialsuite.localstack.tokens.DevAgentTokens;

/**
 * The run command: a real Kafka broker, PostgreSQL with one database per stateful service, the four
 * services, the social-network simulator and the agent workspace, each in its own process, until
 * Ctrl-C stops them all.
 */
public final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final Map<String, String> env;
    private final Path root;
    private final Path runDir;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker broker;
    private EmbeddedPostgres embeddedPostgres;

    private LocalStack(Map<String, String> env, Path root) {
        this.env = env;
        this.root = root;
        this.runDir =
                Path.of(env.getOrDefault("SUITE_RUN_DIR", root.resolve(".run").toString()))
                        .toAbsolutePath();
    }

    /**
     * @param args {@code --scenario demo} keeps simulated consumer activity going
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (List.of(args).contains("--scenario")) {
            env.put("SIMULATOR_SCENARIO_ENABLED", "true");
        }
        LocalStack stack = new LocalStack(env, root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stack.stop();
                                    stopped.countDown();
                                },
                                "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\n" + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private void start() throws IOException, URISyntaxException {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        List<String> taken = SuiteService.portsInUse(env, external == null || external.isBlank());
        if (!taken.isEmpty()) {
            throw new IllegalStateException(
                    "Already in use: "
                            + String.join(", ", taken)
                            + ". Is the suite already running? Stop it first, or move these with"
                            + " their variables.");
        }
        say("Run directory: " + runDir);
        String bootstrap = startKafka();
        PostgresServer postgres = ensurePostgres();

        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        serviceEnv.put("POSTGRES_HOST", postgres.host());
        serviceEnv.put("POSTGRES_PORT", Integer.toString(postgres.port()));
        serviceEnv.putIfAbsent("QUARKUS_PROFILE", env.getOrDefault("QUARKUS_PROFILE", "local"));
        serviceEnv.putAll(SuiteWiring.addresses(env));

        Path logDir = runDir.resolve("logs");
        for (SuiteService service : SuiteService.ALL) {
            services.add(
                    ServiceProcess.start(
                            root, service.name(), service.port(env), serviceEnv, logDir));
        }
        say("Starting " + services.size() + " services; logs in " + logDir);
        awaitReady();
        printWelcome(bootstrap, postgres, logDir);
    }

    private String startKafka() throws URISyntaxException {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        int partitions = Integer.parseInt(env.getOrDefault("KAFKA_PARTITIONS", "6"));
        String bootstrap;
        if (external != null && !external.isBlank()) {
            say("Using the Kafka cluster at " + external);
            bootstrap = external;
        } else {
            int port = Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092"));
            broker = KafkaBroker.onPort(runDir.resolve("kafka"), port, ownClassPath());
            say(
                    "Starting the Kafka broker on 127.0.0.1:"
                            + port
                            + " (log: "
                            + broker.logFile()
                            + ")");
            broker.start();
            bootstrap = broker.bootstrapServers();
        }
        SuiteTopics.create(bootstrap, partitions);
        say("Topics ready (" + partitions + " partitions each): " + SuiteTopics.names());
        return bootstrap;
    }

    private PostgresServer ensurePostgres() {
        PostgresServer postgres = PostgresServer.fromEnvironment(env);
        if (postgres.answers()) {
            say("Using PostgreSQL at " + postgres.address());
        } else {
            say("No PostgreSQL answers at " + postgres.address() + "; starting an embedded one");
            embeddedPostgres =
                    EmbeddedPostgresLauncher.start(runDir.resolve("postgres"), postgres.port());
        }
        postgres.ensureDatabases(SuiteService.databases());
        say("Databases ready: " + SuiteService.databases());
        if (!postgres.autovacuums()) {
            say(
                    "WARNING: autovacuum is off on this PostgreSQL. The suite's outboxes and"
                        + " conversations churn; without vacuum they slow everything down within a"
                        + " few hundred thousand messages (benchmark/README.md).");
        }
        return postgres;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(
                            service.name() + " exited while starting; see " + service.log());
                }
                if (service.isReady()) {
                    say(service.name() + " is ready at " + service.baseUrl());
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "Not ready within "
                                + READY_TIMEOUT.toSeconds()
                                + " s: "
                                + waiting.stream().map(ServiceProcess::name).toList()
                                + "; see their logs in "
                                + runDir.resolve("logs"));
            }
            pause();
        }
    }

    private void printWelcome(String bootstrap, PostgresServer postgres, Path logDir) {
        DevAgentTokens tokens = DevAgentTokens.load();
        StringBuilder out = new StringBuilder("\nThe suite is up.\n\n");
        for (ServiceProcess service : services) {
            out.append(String.format("  %-22s %s%n", service.name(), service.baseUrl()));
        }
        out.append(String.format("  %-22s %s%n", "Kafka", bootstrap));
        out.append(String.format("  %-22s %s%n", "PostgreSQL", postgres.address()));
        out.append(String.format("  %-22s %s%n%n", "Logs", logDir));
        out.append(
                "Development agent tokens (valid 12 h; send as 'Authorization: Bearer"
                        + " <token>'):\n");
        for (String brand : List.of("acme", "globex")) {
            out.append("  ")
                    .append(brand)
                    .append(": ")
                    .append(tokens.agentToken(brand, brand + "-agent-1", Duration.ofHours(12)))
                    .append('\n');
        }
        out.append("Administrator tokens (connected accounts, /api/accounts):\n");
        for (String brand : List.of("acme", "globex")) {
            out.append("  ")
                    .append(brand)
                    .append(": ")
                    .append(tokens.adminToken(brand, brand + "-admin-1", Duration.ofHours(12)))
                    .append('\n');
        }
        out.append("\nOpen http://localhost:")
                .append(SuiteService.named("agent-workspace").port(env))
                .append(
                        " and sign in as acme-agent-1 or globex-agent-1 (demo agents), or as"
                                + " acme-admin-1 or globex-admin-1 to connect pages and X accounts"
                                + " (Accounts).\n")
                .append("Play the consumers in the simulator's console at http://localhost:")
                .append(SuiteService.named("social-simulator").port(env))
                .append(".\n");
        out.append("\nCtrl-C stops everything.");
        say(out.toString());
    }

    private synchronized void stop() {
        if (!services.isEmpty()) {
            say("Stopping the services...");
            services.parallelStream().forEach(ServiceProcess::stop);
            services.clear();
        }
        if (broker != null) {
            say("Stopping the Kafka broker...");
            broker.stop();
            broker = null;
        }
        if (embeddedPostgres != null) {
            say("Stopping the embedded PostgreSQL...");
            try {
                embeddedPostgres.close();
            } catch (IOException e) {
                say("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            embeddedPostgres = null;
        }
    }

    /** This jar and the jars beside it in lib/, the class path the broker's JVM needs. */
    private static String ownClassPath() throws URISyntaxException {
        Path self =
                Path.of(
                        LocalStack.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        if (self.toString().endsWith(".jar")) {
            return self
                    + File.pathSeparator
                    + self.getParent().resolve("lib")
                    + File.separator
                    + "*";
        }
        return System.getProperty("java.class.path");
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services", e);
        }
    }

    private static void say(String line) {
        System.out.println("[local-stack] " + line);
    }
}
