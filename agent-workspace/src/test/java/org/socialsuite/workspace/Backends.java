package org.socialsuite.workspace;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.socialsuite.testsupport.WireMockResource;

/** The services behind the gateway: one WireMock server standing in for all of them. */
public class Backends extends WireMockResource {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    protected Map<String, String> configuration(WireMockServer started) {
        server = started;
        return Map.of(
                "workspace.routes.conversations.target", started.baseUrl(),
                "workspace.routes.outbound.target", started.baseUrl(),
                "workspace.routes.profiles.target", started.baseUrl(),
                "workspace.routes.posts.target", started.baseUrl(),
                "workspace.routes.accounts.target", started.baseUrl(),
                // Nothing listens there: the gateway answers 502.
                "workspace.routes.webhooks.target", "http://127.0.0.1:9");
    }
}
