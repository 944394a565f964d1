package org.socialsuite.workspace;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * conversation-service's live stream when nothing happens: it answers with its head at once and
 * then sends nothing, holding the connection open, as a quiet brand's stream does.
 */
public class QuietStreamBackend implements QuarkusTestResourceLifecycleManager {

    private ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread accepting = new Thread(this::accept, "quiet-stream");
        accepting.setDaemon(true);
        accepting.start();
        return Map.of(
                "workspace.routes.conversations.target",
                "http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                OutputStream out = connection.getOutputStream();
                out.write(
                        ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                        + "Transfer-Encoding: chunked\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException ignored) {
            // the test is over
        }
    }
}
