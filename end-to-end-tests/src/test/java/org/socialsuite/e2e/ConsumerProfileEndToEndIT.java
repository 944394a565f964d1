package org.socialsuite.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.NetworkStubs;

/**
 * A Messenger consumer arrives with nothing but an id; profile-service fetches their Facebook
 * profile on its own, publishes it, and the agent's conversation list shows their name.
 */
class ConsumerProfileEndToEndIT {

    private static WireMockServer facebook;
    private static RunningSuite suite;
    private static ServiceProcess ingest;
    private static ServiceProcess conversations;
    private static ServiceProcess profiles;

    @BeforeAll
    static void startServices() {
        facebook = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        facebook.start();
        suite = new RunningSuite();
        ingest = suite.start("ingest-service", Map.of());
        conversations = suite.startWithDatabase("conversation-service", "e2e_conversation_names");
        profiles =
                suite.startWithDatabase(
                        "profile-service",
                        "e2e_profile",
                        Map.of("SOCIAL_FACEBOOK_GRAPH_URL", facebook.baseUrl() + "/facebook"));
        suite.awaitReady();
    }

    @AfterAll
    static void stopServices() {
        if (suite != null) {
            suite.close();
        }
        if (facebook != null) {
            facebook.stop();
        }
    }

    @Test
    void aMessengerConsumersFetchedNameReachesTheConversationList() {
        String psid = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        facebook.stubFor(
                get(urlPathEqualTo("/facebook/" + psid))
                        .willReturn(
                                NetworkStubs.json(
                                        200,
                                        "{\"id\":\""
                                                + psid
                                                + "\",\"first_name\":\"Ann\",\"last_name\":\"Lee\","
                                                + "\"profile_pic\":\"https://example.invalid/ann.jpg\","
                                                + "\"locale\":\"en_GB\",\"timezone\":5.5}")));

        String body =
                FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), "Where is my parcel?");
        FacebookWebhooks.postSigned(ingest, body).statusCode(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent(conversations, "/api/conversations?status=OPEN")
                                        .body(
                                                "items.find { it.consumer.id == '"
                                                        + psid
                                                        + "' }.consumer.name",
                                                equalTo("Ann Lee")));
        agent(profiles, "/api/profiles/facebook/" + psid)
                .statusCode(200)
                .body("name", equalTo("Ann Lee"))
                .body("locale", equalTo("en_GB"))
                .body("stale", equalTo(false));
        agent(conversations, "/api/conversations?status=OPEN")
                .body("items.consumer.id", hasItem(psid));
        facebook.verify(1, getRequestedFor(urlPathEqualTo("/facebook/" + psid)));
    }

    private static ValidatableResponse agent(ServiceProcess service, String path) {
        return given().baseUri(service.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get(path)
                .then();
    }
}
