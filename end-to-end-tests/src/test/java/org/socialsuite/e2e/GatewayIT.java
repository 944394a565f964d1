package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.gateway.NginxGateway;

/**
 * The suite behind a real reverse proxy configured from deploy/'s Gateway and HTTPRoutes, as the
 * networks and the agents reach it in Kubernetes: HTTPS only (plain HTTP redirected), webhooks in,
 * the agents' API out, and nothing of /q/*.
 */
class GatewayIT {

    private static SimulatedSuite suite;
    private static NginxGateway gateway;

    @BeforeAll
    static void start() {
        suite = SimulatedSuite.get();
        gateway = suite.gateway();
    }

    @Test
    void aWebhookGoesInAndTheAgentAnswersThroughTheGateway() {
        String psid = "7700" + System.nanoTime() % 100_000;
        // Written now, so that Messenger's 24-hour window is open for the answer.
        String body =
                FacebookWebhooks.messenger(
                        "1000001",
                        psid,
                        "m_gw_" + psid,
                        "Through the gateway, please",
                        System.currentTimeMillis());

        FacebookWebhooks.postSigned(gateway.baseUrl(), body).statusCode(200);

        AgentApi agent = new AgentApi(gateway.baseUrl());
        String conversation = agent.awaitConversationOf(psid);
        String reply = agent.reply(conversation, "Answered through the gateway");
        assertThat(agent.transcript(conversation))
                .extracting(message -> message.get("id"))
                .contains(reply);
    }

    @Test
    void tlsEndsAtTheGatewayAndPlainHttpIsRedirectedToIt() {
        assertThat(gateway.baseUrl()).startsWith("https://");
        // The clients verify the gateway's certificate: a successful call is a verified one.
        given().baseUri(gateway.baseUrl()).get("/").then().statusCode(200);
        for (String path : List.of("/", "/webhooks/facebook", "/api/conversations?status=OPEN")) {
            given().baseUri(gateway.url("http"))
                    .redirects()
                    .follow(false)
                    .get(path)
                    .then()
                    .statusCode(301)
                    .header("Location", "https://127.0.0.1" + path);
        }
    }

    @Test
    void anAdministratorReadsTheBrandsAccountsThroughTheGateway() {
        given().baseUri(gateway.baseUrl())
                .header("Authorization", AgentTokens.adminBearer("acme"))
                .get("/api/accounts")
                .then()
                .statusCode(200)
                .body("id", hasItems("acme-facebook", "acme-twitter"));
    }

    @Test
    void healthMetricsAndOpenApiAreNotReachableFromOutside() {
        for (String path : List.of("/q", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            assertThat(given().baseUri(gateway.baseUrl()).get(path).statusCode())
                    .as("GET %s through the gateway", path)
                    .isEqualTo(404);
        }
        // They exist, behind it: the workspace would have answered them under the "/" route.
        given().baseUri(suite.workspace.baseUrl()).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eachApiPrefixReachesItsService() {
        // Without a token every service answers 401 itself, which proves the request reached it.
        for (String path :
                List.of(
                        "/api/conversations",
                        "/api/agents",
                        "/api/brand-posts",
                        "/api/outbound/accounts/acme-facebook/public-to-private-link",
                        "/api/profiles/FACEBOOK/1",
                        "/api/posts/FACEBOOK/1/thread",
                        "/api/accounts")) {
            assertThat(given().baseUri(gateway.baseUrl()).get(path).statusCode())
                    .as("GET %s through the gateway", path)
                    .isEqualTo(401);
        }
    }
}
