package org.socialsuite.testsupport.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.socialsuite.localstack.FreePorts;
import org.socialsuite.testsupport.YamlDocuments;

/**
 * Debian's nginx, started by a test on a free port of 127.0.0.1 in the Kubernetes gateway's place:
 * its routes are rendered from the suite's HTTPRoute files ({@link NginxRoutes}), its Services are
 * the test's processes. Stopped by {@link #close()}; everything it writes stays in its directory.
 */
public final class NginxGateway implements AutoCloseable {

    private static final List<Path> BINARIES =
            List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));

    private final Process process;
    private final int port;
    private final Path directory;

    private NginxGateway(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    public static boolean installed() {
        return BINARIES.stream().anyMatch(Files::isExecutable);
    }

    /**
     * @param routeFiles YAML files holding the HTTPRoutes (other documents are ignored)
     * @param listener the Gateway listener whose routes this gateway serves (its TLS, if any, is
     *     the gateway implementation's and not played here: the test speaks plain HTTP to it)
     * @param backends Service name to host:port
     */
    public static NginxGateway start(
            List<Path> routeFiles, String listener, Map<String, String> backends, Path directory) {
        try {
            Files.createDirectories(directory.resolve("temp"));
            int port = FreePorts.next();
            Path config = directory.resolve("nginx.conf");
            Files.writeString(
                    config,
                    config(YamlDocuments.read(routeFiles), listener, backends, port, directory));
            Path binary =
                    BINARIES.stream()
                            .filter(Files::isExecutable)
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "nginx is not installed (apt-get install"
                                                            + " nginx-light)"));
            Process process =
                    new ProcessBuilder(
                                    binary.toString(),
                                    "-p",
                                    directory.toString(),
                                    "-c",
                                    config.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(directory.resolve("nginx.out").toFile())
                            .start();
            NginxGateway gateway = new NginxGateway(process, port, directory);
            Awaitility.await("nginx listening on " + port)
                    .atMost(Duration.ofSeconds(20))
                    .failFast("nginx exited; see " + directory, () -> !process.isAlive())
                    .until(gateway::listening);
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String config(
            List<Map<String, Object>> routes,
            String listener,
            Map<String, String> backends,
            int port,
            Path directory) {
        Path temp = directory.resolve("temp");
        // Running as root, nginx's workers would otherwise become "nobody", who cannot write here.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user
                + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    # The services set their own body limits (ingest: 4 MB, answered with 413).
                    client_max_body_size 0;
                    # Streams (the agents' server-sent events) pass through as they come.
                    proxy_buffering off;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    server {
                        listen 127.0.0.1:%3$d;
                %4$s    }
                }
                """
                        .formatted(
                                directory,
                                temp,
                                port,
                                NginxRoutes.locations(routes, listener, backends));
    }
}
