package org.socialsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.SuiteWiring;

/** The run command's wiring follows moved ports and honours the networks' addresses it is given. */
class SuiteWiringTest {

    @Test
    void byDefaultEverythingTalksToTheSimulatorAndTheDefaultPorts() {
        assertThat(SuiteWiring.addresses(Map.of()))
                .containsEntry("SOCIAL_FACEBOOK_GRAPH_URL", "http://127.0.0.1:8090/facebook")
                .containsEntry("SOCIAL_TWITTER_API_URL", "http://127.0.0.1:8090/twitter")
                .containsEntry(
                        "SOCIAL_FACEBOOK_LOGIN_URL", "http://127.0.0.1:8090/facebook/dialog/oauth")
                .containsEntry(
                        "SOCIAL_TWITTER_AUTHORIZE_URL",
                        "http://127.0.0.1:8090/twitter/i/oauth2/authorize")
                .containsEntry("SIMULATOR_INGEST_URL", "http://127.0.0.1:8081")
                .containsEntry("CONVERSATION_SERVICE_URL", "http://127.0.0.1:8082")
                .containsEntry("SIMULATOR_SCENARIO_ENABLED", "false");
    }

    @Test
    void movedPortsAreFollowedAndTheUsersNetworkAddressesKept() {
        Map<String, String> wiring =
                SuiteWiring.addresses(
                        Map.of(
                                "SIMULATOR_PORT", "9190",
                                "INGEST_PORT", "9181",
                                "OUTBOUND_PORT", "9183",
                                "SOCIAL_FACEBOOK_GRAPH_URL",
                                        "https://graph.sandbox.example/v23.0"));

        assertThat(wiring)
                .containsEntry("SOCIAL_FACEBOOK_GRAPH_URL", "https://graph.sandbox.example/v23.0")
                .containsEntry("SOCIAL_TWITTER_API_URL", "http://127.0.0.1:9190/twitter")
                .containsEntry("SIMULATOR_INGEST_URL", "http://127.0.0.1:9181")
                .containsEntry("INGEST_SERVICE_URL", "http://127.0.0.1:9181")
                .containsEntry("OUTBOUND_SERVICE_URL", "http://127.0.0.1:9183");
    }
}
