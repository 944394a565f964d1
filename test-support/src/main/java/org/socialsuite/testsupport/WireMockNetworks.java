package org.socialsuite.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;

/**
 * Facebook's Graph API and Twitter/X's API v2 stood in for by one WireMock server: the Graph API
 * under {@code /facebook}, Twitter/X under {@code /twitter}, both with the networks' real wire
 * formats in the stubs.
 */
public class WireMockNetworks extends WireMockResource {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    protected Map<String, String> configuration(WireMockServer started) {
        server = started;
        // The REST clients' own keys: a test resource's overrides are checked before the
        // social.* mappings exist, so they cannot name social.facebook.graph-url themselves.
        return Map.of(
                "quarkus.rest-client.facebook.url", started.baseUrl() + "/facebook",
                "quarkus.rest-client.twitter.url", started.baseUrl() + "/twitter");
    }
}
