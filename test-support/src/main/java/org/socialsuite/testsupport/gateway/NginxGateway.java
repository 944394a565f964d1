package org.socialsuite.testsupport.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.socialsuite.localstack.FreePorts;
import org.socialsuite.testsupport.YamlDocuments;

/**
 * Debian's nginx, started by a test in the Kubernetes gateway's place: the Gateway's listeners on
 * free ports of 127.0.0.1 (TLS ending at the HTTPS one, as at the real gateway), their routes
 * rendered from the suite's HTTPRoute files ({@link NginxRoutes}), its Services the test's
 * processes. Stopped by {@link #close()}; everything it writes stays in its directory.
 */
public final class NginxGateway implements AutoCloseable {

    private static final List<Path> BINARIES =
            List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));

    private final Process process;
    private final Map<String, String> listenerUrls;
    private final TestCertificate certificate;
    private final Path directory;

    private NginxGateway(
            Process process,
            Map<String, String> listenerUrls,
            TestCertificate certificate,
            Path directory) {
        this.process = process;
        this.listenerUrls = listenerUrls;
        this.certificate = certificate;
        this.directory = directory;
    }

    public static boolean installed() {
        return BINARIES.stream().anyMatch(Files::isExecutable);
    }

    /**
     * Plays the Gateway of the files: each of its listeners on a free port of 127.0.0.1, an HTTPS
     * one terminating TLS with a {@link TestCertificate}, each serving the HTTPRoutes attached to
     * it.
     *
     * @param gatewayFiles YAML files holding the Gateway and its HTTPRoutes (other kinds are
     *     ignored)
     * @param backends Service name to host:port
     */
    public static NginxGateway start(
            List<Path> gatewayFiles, Map<String, String> backends, Path directory) {
        try {
            Files.createDirectories(directory.resolve("temp"));
            List<Map<String, Object>> documents = YamlDocuments.read(gatewayFiles);
            TestCertificate certificate = TestCertificate.create(directory.resolve("tls"));
            Map<String, String> listenerUrls = new LinkedHashMap<>();
            StringBuilder servers = new StringBuilder();
            for (Map<String, Object> listener : listeners(documents)) {
                String name = (String) listener.get("name");
                int port = FreePorts.next();
                boolean tls = "HTTPS".equals(listener.get("protocol"));
                listenerUrls.put(name, (tls ? "https" : "http") + "://127.0.0.1:" + port);
                servers.append(
                        server(
                                port,
                                tls ? certificate : null,
                                NginxRoutes.locations(documents, name, backends)));
            }
            Path config = directory.resolve("nginx.conf");
            Files.writeString(config, config(servers.toString(), directory));
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
            NginxGateway gateway = new NginxGateway(process, listenerUrls, certificate, directory);
            Awaitility.await("nginx listening on " + listenerUrls.values())
                    .atMost(Duration.ofSeconds(20))
                    .failFast("nginx exited; see " + directory, () -> !process.isAlive())
                    .until(gateway::listening);
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTPS listener's address: where agents and the networks come in. */
    public String baseUrl() {
        return url("https");
    }

    /** The address of the Gateway's listener of that name. */
    public String url(String listener) {
        String url = listenerUrls.get(listener);
        if (url == null) {
            throw new IllegalArgumentException(
                    "The Gateway has no listener " + listener + ": " + listenerUrls.keySet());
        }
        return url;
    }

    /** The HTTPS listener's certificate, which the test's clients trust. */
    public TestCertificate certificate() {
        return certificate;
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
        return listenerUrls.values().stream().allMatch(NginxGateway::listening);
    }

    private static boolean listening(String url) {
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            "127.0.0.1", Integer.parseInt(url.replaceFirst(".*:", ""))),
                    200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listeners(List<Map<String, Object>> documents) {
        List<Map<String, Object>> gateways =
                documents.stream()
                        .filter(document -> "Gateway".equals(document.get("kind")))
                        .toList();
        if (gateways.size() != 1) {
            throw new IllegalArgumentException(
                    "Expected one Gateway among the files, found " + gateways.size());
        }
        Map<String, Object> spec = (Map<String, Object>) gateways.get(0).get("spec");
        return (List<Map<String, Object>>) spec.get("listeners");
    }

    private static String server(int port, TestCertificate tls, String locations) {
        String listen =
                tls == null
                        ? "        listen 127.0.0.1:%d;\n".formatted(port)
                        : """
                                listen 127.0.0.1:%d ssl;
                                ssl_certificate %s;
                                ssl_certificate_key %s;
                                ssl_protocols TLSv1.2 TLSv1.3;
                        """
                                .formatted(port, tls.certificate(), tls.privateKey());
        return "    server {\n" + listen + locations.indent(4) + "    }\n";
    }

    private static String config(String servers, Path directory) {
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
                %3$s}
                """
                        .formatted(directory, temp, servers);
    }
}
