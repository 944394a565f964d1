package org.socialsuite.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.socialsuite.localstack.FreePorts;
import org.socialsuite.localstack.Signals;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) in a JVM of its own,
 * started from the Kafka jars on a class path. The run command and the tests share it.
 *
 * <p>The data directory is formatted once and kept, so a restarted broker finds its topics and
 * offsets again.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String classPath;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, String classPath) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.classPath = classPath;
    }

    /** A broker on the given client port; its controller takes the next port. */
    public static KafkaBroker onPort(Path dataDir, int port, String classPath) {
        return new KafkaBroker(dataDir, port, port + 1, classPath);
    }

    /** A broker on free ports, for tests that must not collide with a running suite. */
    public static KafkaBroker onFreePorts(Path dataDir, String classPath) {
        return new KafkaBroker(dataDir, FreePorts.next(), FreePorts.next(), classPath);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                format(config);
            }
            process =
                    outsideTheTerminalsGroup(java(BrokerProcess.class.getName(), config.toString()))
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                            .start();
            awaitPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker in " + dataDir, e);
        }
    }

    /** Stops the broker the way Kafka likes it (SIGTERM, controlled shutdown), then insists. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Freezes the broker's JVM (SIGSTOP): connections stay open and nothing answers, as with a hung
     * broker or a long GC pause. Fault injection on the broker this process started.
     */
    public synchronized void freeze() {
        Signals.freeze(process, "the broker");
    }

    /** Lets a frozen broker run again (SIGCONT). */
    public synchronized void thaw() {
        Signals.thaw(process, "the broker");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty(
                "listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.setProperty("log.dirs", dataDir.resolve("log").toString());
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "6");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", "false");
        config.setProperty("num.partitions", "6");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, "Written by KafkaBroker; rewritten at every start");
        }
        return file;
    }

    private void format(Path config) throws IOException {
        Process format =
                java(
                                "kafka.tools.StorageTool",
                                "format",
                                "-t",
                                Uuid.randomUuid().toString(),
                                "-c",
                                config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                        .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException(
                        "Formatting Kafka storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * Ctrl-C in a terminal signals its whole foreground process group at once. The broker must
     * outlive the services, which leave their consumer groups on the way out (else the next start
     * waits for the broker to time them out), so it runs in a session of its own and is stopped
     * last; it still dies with its parent through the stdin watchdog.
     */
    private static ProcessBuilder outsideTheTerminalsGroup(ProcessBuilder builder) {
        if (Files.isExecutable(SETSID)) {
            builder.command().add(0, SETSID.toString());
        }
        return builder;
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx1g");
        command.add("-XX:+UseG1GC");
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private void awaitPort() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The Kafka broker exited with "
                                + process.exitValue()
                                + " while starting; see "
                                + logFile());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        stop();
        throw new IllegalStateException(
                "The Kafka broker did not listen on "
                        + bootstrapServers()
                        + " within "
                        + STARTUP_TIMEOUT.toSeconds()
                        + " s; see "
                        + logFile());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }
}
