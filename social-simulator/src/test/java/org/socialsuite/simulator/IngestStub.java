package org.socialsuite.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.util.Map;
import org.socialsuite.testsupport.WireMockResource;

/** ingest-service's webhook endpoints, recording what the simulator sends them. */
public class IngestStub extends WireMockResource {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    protected Map<String, String> configuration(WireMockServer started) {
        server = started;
        started.stubFor(
                WireMock.post(WireMock.urlPathMatching("/webhooks/.*")).willReturn(WireMock.ok()));
        return Map.of("simulator.ingest-url", started.baseUrl());
    }
}
