package org.socialsuite.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** ingest-service's webhook endpoints, recording what the simulator sends them. */
public class IngestStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(
                WireMock.post(WireMock.urlPathMatching("/webhooks/.*")).willReturn(WireMock.ok()));
        return Map.of("simulator.ingest-url", server.baseUrl());
    }

    @Override
    public void stop() {
        server.stop();
    }
}
