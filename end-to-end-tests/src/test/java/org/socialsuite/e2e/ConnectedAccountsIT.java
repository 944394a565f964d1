package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;

/**
 * An administrator connects a Facebook page and an X account through the networks' own login flows
 * (played by the simulator), and every service learns of it from social.account.v1 without a
 * restart: the page's comments arrive, a switch turned off is honoured, a replica started later
 * sees the same accounts, and a disconnected page is no longer taken in. No answer and no log line
 * holds a token.
 */
class ConnectedAccountsIT {

    private static final String REDIRECT = "https://workspace.example/accounts.html";
    private static final String OUTLET_PAGE = "7000001";
    private static final String DEALS_USER = "7000002";
    private static final String OUTLET = "globex-facebook-" + OUTLET_PAGE;

    private static SimulatedSuite suite;

    @BeforeAll
    static void startServices() {
        suite = SimulatedSuite.get();
    }

    @Test
    void anAdministratorConnectsAPageAndAnXAccountAndTheSuiteFollowsEachChange() throws Exception {
        // Not connected yet: the network sends the app nothing for the page.
        JsonPath options =
                admin().get("/api/accounts/login-options")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();

        // Facebook Login: the dialog offers the administrator's pages, they grant BargainOutlet.
        String dialog =
                given().baseUri(options.getString("facebook.url"))
                        .queryParam("client_id", options.getString("facebook.clientId"))
                        .queryParam("redirect_uri", REDIRECT)
                        .queryParam("state", "s-facebook")
                        .queryParam("scope", options.getString("facebook.scope"))
                        .get()
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(dialog).contains("value=\"" + OUTLET_PAGE + "\"").contains("BargainOutlet");
        Map<String, String> back =
                redirectedTo(
                        given().baseUri(suite.simulator.baseUrl())
                                .redirects()
                                .follow(false)
                                .queryParam("redirect_uri", REDIRECT)
                                .queryParam("state", "s-facebook")
                                .queryParam("page", OUTLET_PAGE)
                                .get("/facebook/dialog/oauth/grant"));
        assertThat(back).containsEntry("state", "s-facebook");

        String connected =
                admin().body(Map.of("code", back.get("code"), "redirectUri", REDIRECT))
                        .post("/api/accounts/facebook")
                        .then()
                        .statusCode(200)
                        .body("[0].id", equalTo(OUTLET))
                        .body("[0].pageName", equalTo("BargainOutlet"))
                        .extract()
                        .asString();
        assertNoToken(connected);

        // Within seconds, without a restart: a comment on the new page becomes a conversation.
        String post =
                console(
                        "/facebook/posts",
                        Map.of("pageId", OUTLET_PAGE, "text", "Outlet opening!"));
        console(
                "/facebook/comments",
                Map.of("personId", "8003", "parentId", post, "text", "Opening hours?"));
        awaitConversationOf(OUTLET, "8003");

        // Public turned off: the next comment is acknowledged and counted, not published.
        Instant changed =
                Instant.parse(
                        admin().body(Map.of("receivePublic", false))
                                .patch("/api/accounts/" + OUTLET)
                                .then()
                                .statusCode(200)
                                .body("receivePublic", equalTo(false))
                                .extract()
                                .path("updatedAt"));
        awaitView(suite.ingest, changed);
        double turnedOffBefore = turnedOff(suite.ingest);
        console(
                "/facebook/comments",
                Map.of("personId", "8002", "parentId", post, "text", "Anyone there?"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> turnedOff(suite.ingest) > turnedOffBefore);
        // Private still is: Messenger from the same person arrives, and their comment never did.
        console(
                "/facebook/messages",
                Map.of("pageId", OUTLET_PAGE, "personId", "8002", "text", "Hello in private"));
        String privateConversation = awaitConversationOf(OUTLET, "8002");
        agent("/api/conversations/" + privateConversation + "/messages")
                .body("items.text", hasItem("Hello in private"))
                .body("items.text", not(hasItem("Anyone there?")));

        // X's OAuth 2.0 with PKCE: the administrator logs in as @DealsDesk.
        String verifier = "e2e-verifier-" + "x".repeat(40);
        String challenge =
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(
                        given().baseUri(options.getString("x.url"))
                                .queryParam("response_type", "code")
                                .queryParam("client_id", options.getString("x.clientId"))
                                .queryParam("redirect_uri", REDIRECT)
                                .queryParam("scope", options.getString("x.scope"))
                                .queryParam("state", "s-x")
                                .queryParam("code_challenge", challenge)
                                .queryParam("code_challenge_method", "S256")
                                .get()
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains("@DealsDesk");
        Map<String, String> xBack =
                redirectedTo(
                        given().baseUri(suite.simulator.baseUrl())
                                .redirects()
                                .follow(false)
                                .queryParam("redirect_uri", REDIRECT)
                                .queryParam("state", "s-x")
                                .queryParam("code_challenge", challenge)
                                .queryParam("user", DEALS_USER)
                                .get("/twitter/i/oauth2/authorize/grant"));
        String deals =
                admin().body(
                                Map.of(
                                        "code", xBack.get("code"),
                                        "redirectUri", REDIRECT,
                                        "codeVerifier", verifier))
                        .post("/api/accounts/x")
                        .then()
                        .statusCode(200)
                        .body("handle", equalTo("DealsDesk"))
                        .extract()
                        .asString();
        assertNoToken(deals);
        console(
                "/twitter/tweets",
                Map.of(
                        "brandUserId",
                        DEALS_USER,
                        "personId",
                        "9003",
                        "text",
                        "any coupons today?"));
        awaitConversationOf("globex-twitter-" + DEALS_USER, "9003");

        // A replica started now builds the same view from the compacted topic.
        ServiceProcess replica = suite.startIngestReplica();
        try {
            assertThat(accountView(replica)).isEqualTo(accountView(suite.ingest));
            FacebookWebhooks.postSigned(replica, comment(OUTLET_PAGE))
                    .statusCode(200)
                    .body("published", equalTo(0))
                    .body("skipped", equalTo(1));
        } finally {
            suite.stop(replica);
        }

        // Disconnected: ingest takes nothing more from the page.
        int before = accountView(suite.ingest).accounts();
        admin().delete("/api/accounts/" + OUTLET).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> accountView(suite.ingest).accounts() == before - 1);
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(OUTLET_PAGE, "8007", "m_gone", "hi"))
                .statusCode(200)
                .body("published", equalTo(0));
        admin().get("/api/accounts").then().statusCode(200).body("id", not(hasItem(OUTLET)));

        assertNoTokenLogged();
    }

    /** What a replica's readiness says of its view of the accounts. */
    private record View(int accounts, String latestChange) {}

    private static View accountView(ServiceProcess service) {
        JsonPath health =
                given().baseUri(service.baseUrl())
                        .get("/q/health/ready")
                        .then()
                        .extract()
                        .jsonPath();
        String check = "checks.find { it.name == 'connected-accounts' }.data";
        return new View(
                health.getInt(check + ".accounts"), health.getString(check + ".latestChange"));
    }

    private static void awaitView(ServiceProcess service, Instant changed) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            String latest = accountView(service).latestChange();
                            return !"none".equals(latest)
                                    && !Instant.parse(latest).isBefore(changed);
                        });
    }

    private static double turnedOff(ServiceProcess ingest) {
        String metrics =
                given().baseUri(ingest.baseUrl()).get("/q/metrics").then().extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("social_webhook_events_total{"))
                .filter(
                        line ->
                                line.contains("channel=\"FACEBOOK\"")
                                        && line.contains("outcome=\"turned_off\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The query parameters of a 303 back to the redirect URI. */
    private static Map<String, String> redirectedTo(Response response) {
        ExtractableResponse<Response> answer = response.then().statusCode(303).extract();
        URI location = URI.create(answer.header("Location"));
        assertThat(location.toString()).startsWith(REDIRECT);
        return Stream.of(location.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(
                        java.util.stream.Collectors.toMap(
                                pair -> pair[0],
                                pair ->
                                        java.net.URLDecoder.decode(
                                                pair[1], StandardCharsets.UTF_8)));
    }

    private static String awaitConversationOf(String accountId, String consumerId) {
        String path =
                "items.find { it.accountId == '"
                        + accountId
                        + "' && it.consumer.id == '"
                        + consumerId
                        + "' }.id";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> agent("/api/conversations?status=OPEN").body(path, notNullValue()));
        return agent("/api/conversations?status=OPEN").extract().path(path);
    }

    /** Tokens the networks issue all carry their network's prefix; the demo tokens are named. */
    private static void assertNoToken(String text) {
        assertThat(text).doesNotContain("EAAG").doesNotContain("EAAB").doesNotContain("x-user-");
    }

    private static void assertNoTokenLogged() throws IOException {
        Path logs = suite.accounts.log().getParent();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                List<String> leaking =
                        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                                .filter(
                                        line ->
                                                line.contains("EAAG")
                                                        || line.contains("EAAB")
                                                        || line.contains("x-user-")
                                                        || line.contains("dev-acme-page-token"))
                                .toList();
                assertThat(leaking).as("lines of %s holding a token", log).isEmpty();
            }
        }
    }

    /** A comment on the page's post, as Facebook's feed webhook has it. */
    private static String comment(String pageId) {
        return """
        {"object":"page","entry":[{"id":"%1$s","time":1767225600,"changes":[{"field":"feed",\
        "value":{"item":"comment","verb":"add","post_id":"%1$s_9","comment_id":"9_1",\
        "parent_id":"%1$s_9","from":{"id":"8007","name":"Eve"},"message":"hi",\
        "created_time":1767225600}}]}]}\
        """
                .formatted(pageId);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri(suite.accounts.baseUrl())
                .header("Authorization", AgentTokens.adminBearer("globex"))
                .contentType(ContentType.JSON);
    }

    private static ValidatableResponse agent(String path) {
        return given().baseUri(suite.conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("globex"))
                .get(path)
                .then()
                .statusCode(200);
    }

    private static String console(String path, Map<String, Object> body) {
        return SimulatorConsole.act(suite.simulator, path, body);
    }
}
