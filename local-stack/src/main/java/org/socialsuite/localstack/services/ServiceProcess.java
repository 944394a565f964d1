package org.socialsuite.localstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.socialsuite.localstack.Signals;

/** A service of the suite running as its own JVM from its packaged Quarkus application. */
public final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path root;
    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path logDir;
    private final Process process;

    private ServiceProcess(
            Path root,
            String name,
            int port,
            Map<String, String> environment,
            Path logDir,
            Process process) {
        this.root = root;
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.logDir = logDir;
        this.process = process;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with the given environment
     * added to ours, its output going to {@code <logDir>/<name>.log}.
     */
    public static ServiceProcess start(
            Path root, String name, int port, Map<String, String> environment, Path logDir) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx512m");
            command.addAll(extraJvmOptions());
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            // This machine only, unless told otherwise; containers set 0.0.0.0 themselves.
            builder.environment().putIfAbsent("QUARKUS_HTTP_HOST", "127.0.0.1");
            return new ServiceProcess(
                    root, name, port, Map.copyOf(environment), logDir, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * JVM options for every service this process starts ({@code suite.service.jvm-options}, space
     * separated). The end-to-end tests start dozens of services on two cores and ask for a JVM that
     * starts on less CPU (see end-to-end-tests/pom.xml); the run command sets none.
     */
    private static List<String> extraJvmOptions() {
        String options = System.getProperty("suite.service.jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return logDir.resolve(name + ".log");
    }

    /** The service's JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once {@code /q/health/ready} answers 200 (every check UP). */
    public boolean isReady() {
        try {
            HttpResponse<Void> response =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops this process (as {@link #stop()}) and starts the same service again on the same port,
     * environment and log: what a restart of one service looks like to the others.
     */
    public ServiceProcess restart() {
        stop();
        return startAgain();
    }

    /** Starts this service again, once it has stopped, on the same port, environment and log. */
    public ServiceProcess startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return start(root, name, port, environment, logDir);
    }

    /** Kills the service hard (SIGKILL), as a crash or an OOM kill would: no shutdown at all. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Freezes the service (SIGSTOP): it keeps its connections and answers nothing until thawed. */
    public void freeze() {
        Signals.freeze(process, name);
    }

    /** Lets a frozen service run again (SIGCONT). */
    public void thaw() {
        Signals.thaw(process, name);
    }

    /** Asks the service to stop (SIGTERM lets Quarkus shut down cleanly), then insists. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
