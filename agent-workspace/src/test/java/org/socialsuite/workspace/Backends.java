package org.socialsuite.workspace;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The services behind the gateway: one WireMock server standing in for all of them. */
public class Backends implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of(
                "workspace.routes.conversations.target", server.baseUrl(),
                "workspace.routes.outbound.target", server.baseUrl(),
                "workspace.routes.profiles.target", server.baseUrl(),
                "workspace.routes.posts.target", server.baseUrl(),
                // Nothing listens there: the gateway answers 502.
                "workspace.routes.webhooks.target", "http://127.0.0.1:9");
    }

    @Override
    public void stop() {
        server.stop();
    }
}
