package org.socialsuite.workspace;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.testsupport.NetworkStubs;

/** The gateway routes by prefix and changes nothing; the sign-in hands out agent tokens. */
@QuarkusTest
@WithTestResource(Backends.class)
class WorkspaceTest {

    @BeforeEach
    void setUp() {
        Backends.server().resetAll();
    }

    @Test
    void eachPrefixReachesItsServiceWithPathQueryHeadersAndBody() {
        Backends.server()
                .stubFor(
                        get(urlEqualTo("/api/conversations?status=OPEN&channel=TWITTER"))
                                .willReturn(
                                        NetworkStubs.json(
                                                200, "{\"items\":[],\"nextCursor\":null}")));
        Backends.server()
                .stubFor(
                        post(urlEqualTo("/api/conversations/c-1/replies"))
                                .willReturn(
                                        NetworkStubs.json(
                                                409,
                                                "{\"error\":\"mode_unavailable\",\"message\":\"closed\"}")));

        given().header("Authorization", "Bearer abc")
                .get("/api/conversations?status=OPEN&channel=TWITTER")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(0));
        given().header("Authorization", "Bearer abc")
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body(
                        "{\"text\":\"Caf\u00e9?\",\"mode\":\"PUBLIC\"}"
                                .getBytes(StandardCharsets.UTF_8))
                .post("/api/conversations/c-1/replies")
                .then()
                .statusCode(409)
                .body("error", org.hamcrest.Matchers.is("mode_unavailable"));

        Backends.server()
                .verify(
                        getRequestedFor(
                                        urlEqualTo(
                                                "/api/conversations?status=OPEN&channel=TWITTER"))
                                .withHeader("Authorization", equalTo("Bearer abc")));
        Backends.server()
                .verify(
                        postRequestedFor(urlEqualTo("/api/conversations/c-1/replies"))
                                .withHeader("Idempotency-Key", equalTo("k-1"))
                                .withRequestBody(
                                        equalToJson("{\"text\":\"Café?\",\"mode\":\"PUBLIC\"}")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGateway() {
        given().post("/webhooks/facebook\"}],\"x\":\"")
                .then()
                .statusCode(502)
                .contentType(ContentType.JSON)
                .body("error", org.hamcrest.Matchers.is("bad_gateway"))
                .body(
                        "message",
                        org.hamcrest.Matchers.is("The service behind this path does not answer"));
    }

    @Test
    void aServicesAnswerKeepsTheWorkspacesSecurityHeaders() {
        Backends.server()
                .stubFor(
                        get(urlEqualTo("/api/conversations"))
                                .willReturn(
                                        NetworkStubs.json(200, "{\"items\":[]}")
                                                .withHeader(
                                                        "Content-Security-Policy", "default-src *")
                                                .withHeader("X-Backend", "kept")));

        given().get("/api/conversations")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Backend", "kept");
    }

    @Test
    void headersTheConnectionHeaderNamesStopAtTheGateway() {
        Backends.server()
                .stubFor(
                        get(urlEqualTo("/api/conversations"))
                                .willReturn(NetworkStubs.json(200, "{}")));

        given().header("Connection", "keep-alive, X-Internal-Secret")
                .header("X-Internal-Secret", "only for the next hop")
                .header("X-Request-Id", "r-1")
                .get("/api/conversations")
                .then()
                .statusCode(200);

        Backends.server()
                .verify(
                        getRequestedFor(urlEqualTo("/api/conversations"))
                                .withoutHeader("X-Internal-Secret")
                                .withHeader("X-Request-Id", equalTo("r-1")));
    }

    @Test
    void aPathIsForwardedAsItWasRoutedNeverOneThatResolvesElsewhere() {
        Backends.server()
                .stubFor(
                        get(urlEqualTo("/api/conversations/c-1/messages?x=1"))
                                .willReturn(NetworkStubs.json(200, "[]")));

        given().urlEncodingEnabled(false)
                .get("/api/conversations/x/%2e%2e/c-1/./messages?x=1")
                .then()
                .statusCode(200);
        // Out of every prefix once resolved: the workspace itself answers, no service is asked.
        given().urlEncodingEnabled(false)
                .get("/api/conversations/%2e%2e/%2e%2e/q/metrics")
                .then()
                .statusCode(404);
        assertThat(Backends.server().findAll(getRequestedFor(urlEqualTo("/q/metrics")))).isEmpty();
    }

    @Test
    void aDemoAgentSignsInWithATokenOfTheirBrand() {
        given().get("/auth/demo-agents")
                .then()
                .statusCode(200)
                .body(
                        "agentId",
                        org.hamcrest.Matchers.contains(
                                "acme-agent-1",
                                "acme-agent-2",
                                "acme-admin-1",
                                "globex-agent-1",
                                "globex-agent-2",
                                "globex-admin-1"))
                .body(
                        "admin",
                        org.hamcrest.Matchers.contains(false, false, true, false, false, true));

        var session =
                given().contentType(ContentType.JSON)
                        .body("{\"agentId\":\"globex-agent-1\"}")
                        .post("/auth/sign-in")
                        .then()
                        .statusCode(200)
                        .body("brandId", org.hamcrest.Matchers.is("globex"))
                        .body("admin", org.hamcrest.Matchers.is(false))
                        .extract()
                        .jsonPath();
        String payload = session.getString("token").split("\\.")[1];
        String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains(
                        "\"sub\":\"globex-agent-1\"",
                        "\"brand\":\"globex\"",
                        "\"groups\":[\"agent\"]")
                .contains("\"iss\":\"https://social-suite.dev/agents\"")
                .contains("\"aud\":\"social-suite-agents\"");

        given().contentType(ContentType.JSON)
                .body("{\"agentId\":\"mallory\"}")
                .post("/auth/sign-in")
                .then()
                .statusCode(400);
    }

    @Test
    void aDemoAdministratorsTokenCarriesTheAdminGroup() {
        var session =
                given().contentType(ContentType.JSON)
                        .body("{\"agentId\":\"acme-admin-1\"}")
                        .post("/auth/sign-in")
                        .then()
                        .statusCode(200)
                        .body("admin", org.hamcrest.Matchers.is(true))
                        .extract()
                        .jsonPath();
        String payload = session.getString("token").split("\\.")[1];
        String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"acme-admin-1\"", "\"admin\"", "\"agent\"");
    }

    @Test
    void thePageIsServedWithAContentSecurityPolicy() {
        given().get("/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("Agent workspace"));
    }
}
