package org.socialsuite.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server on a free port for a Quarkus test: what a subclass stands in for (a network, a
 * service) and which configuration points the application at it.
 */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    /** The configuration that points the application at the started server. */
    protected abstract Map<String, String> configuration(WireMockServer started);

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(
                        WireMockConfiguration.options()
                                .dynamicPort()
                                .extensions(new HeldAnswers()));
        server.start();
        return configuration(server);
    }

    @Override
    public void stop() {
        server.stop();
    }
}
