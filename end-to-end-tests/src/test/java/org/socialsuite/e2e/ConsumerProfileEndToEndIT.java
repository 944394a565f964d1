package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;

/**
 * A Messenger consumer arrives with nothing but an id; profile-service fetches their Facebook
 * profile from the (simulated) network on its own, publishes it, and the agent's conversation list
 * shows their name.
 */
class ConsumerProfileEndToEndIT {

    private static SimulatedSuite suite;

    @BeforeAll
    static void startServices() {
        suite = SimulatedSuite.get();
    }

    @Test
    void aMessengerConsumersFetchedNameReachesTheConversationList() {
        // Chen Wei (8004) is known to the simulated Facebook; the webhook carries only his id.
        String body =
                FacebookWebhooks.messenger("8004", "m_" + UUID.randomUUID(), "Where is my parcel?");
        FacebookWebhooks.postSigned(suite.ingest, body).statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent(suite.conversations, "/api/conversations?status=OPEN")
                                        .body(
                                                "items.find { it.consumer.id == '8004'"
                                                        + " }.consumer.name",
                                                equalTo("Chen Wei")));
        // Facebook withheld his locale and time zone: the widget simply lacks them.
        agent(suite.profiles, "/api/profiles/facebook/8004")
                .statusCode(200)
                .body("name", equalTo("Chen Wei"))
                .body("imageUrl", equalTo("https://example.invalid/avatars/8004.png"))
                .body("locale", equalTo(null))
                .body("stale", equalTo(false));
    }

    private static ValidatableResponse agent(ServiceProcess service, String path) {
        return given().baseUri(service.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get(path)
                .then();
    }
}
