package org.socialsuite.account;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socialsuite.testsupport.NetworkStubs.facebookError;
import static org.socialsuite.testsupport.NetworkStubs.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.AccountChangedDeserializer;
import org.socialsuite.support.credentials.CredentialVault;
import org.socialsuite.support.credentials.SealedCredential;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TopicWatcher;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * Connecting makes the networks' own calls, exactly: Facebook Login's code for a user token, the
 * granted pages with their tokens, the webhook subscription of each; X's OAuth 2.0 code with its
 * PKCE verifier, the user, the Account Activity subscription. Only page and account tokens are
 * kept, sealed; no answer holds one.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "account_test"))
class ConnectFlowsTest {

    private static final String REDIRECT = "https://workspace.example/accounts/connected";
    private static final String X_CLIENT =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    "dev-twitter-client-id:dev-twitter-client-secret"
                                            .getBytes(StandardCharsets.UTF_8));

    private final WireMockServer network = WireMockNetworks.server();

    @Inject CredentialVault vault;

    private TopicWatcher<AccountChanged> announced;

    @BeforeEach
    void setUp() {
        network.resetAll();
        announced = TopicWatcher.open(Topics.ACCOUNT, new AccountChangedDeserializer());
    }

    @AfterEach
    void close() {
        announced.close();
        TestClock.set(TestClock.START);
    }

    @Test
    void facebookLoginConnectsTheGrantedPagesSubscribedToTheirWebhooks() {
        String pageId = Long.toString(7_100_000_000L + (System.nanoTime() % 1_000_000L));
        String pageToken = "EAAG-page-" + pageId;
        stubFacebookLogin("code-1", "EAAB-user-1", pageId, pageToken);

        String answer =
                admin("acme")
                        .body(Map.of("code", "code-1", "redirectUri", REDIRECT))
                        .post("/api/accounts/facebook")
                        .then()
                        .statusCode(200)
                        .body("[0].id", Matchers.equalTo("acme-facebook-" + pageId))
                        .body("[0].displayName", Matchers.equalTo("Initech Outlet"))
                        .body("[0].pageName", Matchers.equalTo("Initech Outlet"))
                        .extract()
                        .asString();
        assertThat(answer).doesNotContain(pageToken).doesNotContain("EAAB-user-1");

        network.verify(
                postRequestedFor(urlEqualTo("/facebook/oauth/access_token"))
                        .withRequestBody(containing("client_id=1234567890123456"))
                        .withRequestBody(containing("client_secret=dev-facebook-app-secret"))
                        .withRequestBody(containing("code=code-1"))
                        .withRequestBody(
                                containing(
                                        "redirect_uri=https%3A%2F%2Fworkspace.example%2Faccounts"
                                                + "%2Fconnected")));
        network.verify(
                postRequestedFor(urlEqualTo("/facebook/oauth/access_token"))
                        .withRequestBody(containing("grant_type=fb_exchange_token"))
                        .withRequestBody(containing("client_secret=dev-facebook-app-secret"))
                        .withRequestBody(containing("fb_exchange_token=EAAB-user-1")));
        network.verify(
                getRequestedFor(urlPathEqualTo("/facebook/me/accounts"))
                        .withHeader("Authorization", equalTo("Bearer EAAB-user-1-long-lived")));
        network.verify(
                postRequestedFor(
                                urlEqualTo(
                                        "/facebook/"
                                                + pageId
                                                + "/subscribed_apps?subscribed_fields=feed%2Cmessages%2Cmessaging_postbacks"))
                        .withHeader("Authorization", equalTo("Bearer " + pageToken)));
        AccountChanged connected =
                announced.awaitRecord(a -> a.externalId().equals(pageId)).value();
        assertThat(connected.channel()).isEqualTo(Channel.FACEBOOK);
        assertThat(opened(connected)).isEqualTo(pageToken);

        // Logging in again renews the page's token: how a page needing re-authorisation is mended.
        stubFacebookLogin("code-2", "EAAB-user-2", pageId, pageToken + "-renewed");
        admin("acme")
                .body(Map.of("code", "code-2", "redirectUri", REDIRECT))
                .post("/api/accounts/facebook")
                .then()
                .statusCode(200);
        assertThat(opened(awaitNewCredential(pageId, connected))).isEqualTo(pageToken + "-renewed");

        // Another brand cannot take the page.
        stubFacebookLogin("code-3", "EAAB-user-3", pageId, pageToken);
        admin("globex")
                .body(Map.of("code", "code-3", "redirectUri", REDIRECT))
                .post("/api/accounts/facebook")
                .then()
                .statusCode(409);
    }

    @Test
    void aCodeFacebookRefusesIsA400InOurWords() {
        network.stubFor(
                post(urlEqualTo("/facebook/oauth/access_token"))
                        .willReturn(
                                facebookError(
                                        100, 36009, "This authorization code has been used.")));

        admin("acme")
                .body(Map.of("code", "used", "redirectUri", REDIRECT))
                .post("/api/accounts/facebook")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        Matchers.equalTo(
                                "Facebook did not accept the login; try connecting again"));
    }

    @Test
    void xAuthorisationConnectsTheAccountSubscribedToAccountActivity() {
        String userId = Long.toString(7_200_000_000L + (System.nanoTime() % 1_000_000L));
        network.stubFor(
                post(urlEqualTo("/twitter/2/oauth2/token"))
                        .withRequestBody(containing("grant_type=authorization_code"))
                        .willReturn(xTokens("x-user-token", "x-refresh-1")));
        network.stubFor(
                get(urlEqualTo("/twitter/2/users/me"))
                        .willReturn(
                                json(
                                        200,
                                        "{\"data\":{\"id\":\""
                                                + userId
                                                + "\",\"name\":\"Initech\",\"username\":\"InitechHelp\"}}")));
        network.stubFor(
                post(urlEqualTo(
                                "/twitter/2/account_activity/webhooks/1146654567674912769/subscriptions/all"))
                        .willReturn(json(200, "{\"data\":{\"subscribed\":true}}")));

        String answer =
                admin("acme")
                        .body(
                                Map.of(
                                        "code", "x-code",
                                        "redirectUri", REDIRECT,
                                        "codeVerifier",
                                                "verifier-43-characters-long-at-the-least-ok"))
                        .post("/api/accounts/x")
                        .then()
                        .statusCode(200)
                        .body("id", Matchers.equalTo("acme-twitter-" + userId))
                        .body("handle", Matchers.equalTo("InitechHelp"))
                        .body("displayName", Matchers.equalTo("@InitechHelp"))
                        .extract()
                        .asString();
        assertThat(answer).doesNotContain("x-user-token");

        network.verify(
                postRequestedFor(urlEqualTo("/twitter/2/oauth2/token"))
                        .withHeader("Authorization", equalTo(X_CLIENT))
                        .withRequestBody(containing("grant_type=authorization_code"))
                        .withRequestBody(containing("code=x-code"))
                        .withRequestBody(
                                containing(
                                        "code_verifier=verifier-43-characters-long-at-the-least-ok")));
        network.verify(
                postRequestedFor(
                                urlEqualTo(
                                        "/twitter/2/account_activity/webhooks/1146654567674912769/subscriptions/all"))
                        .withHeader("Authorization", equalTo("Bearer x-user-token"))
                        .withRequestBody(equalToJson("{}")));
        AccountChanged connected =
                announced.awaitRecord(a -> a.externalId().equals(userId)).value();
        assertThat(opened(connected)).isEqualTo("x-user-token");

        // Two hours is all an X access token lasts: a while before, it is renewed with the refresh
        // token (spent, and replaced), and the new token is announced.
        network.stubFor(
                post(urlEqualTo("/twitter/2/oauth2/token"))
                        .withRequestBody(containing("grant_type=refresh_token"))
                        .willReturn(xTokens("x-user-token-2", "x-refresh-2")));
        TestClock.set(TestClock.START.plus(Duration.ofMinutes(110)));
        assertThat(opened(awaitNewCredential(userId, connected))).isEqualTo("x-user-token-2");
        network.verify(
                1,
                postRequestedFor(urlEqualTo("/twitter/2/oauth2/token"))
                        .withHeader("Authorization", equalTo(X_CLIENT))
                        .withRequestBody(containing("grant_type=refresh_token"))
                        .withRequestBody(containing("refresh_token=x-refresh-1")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xTokens(
            String accessToken, String refreshToken) {
        return json(
                200,
                "{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\""
                        + accessToken
                        + "\",\"refresh_token\":\""
                        + refreshToken
                        + "\",\"scope\":\"tweet.read tweet.write users.read dm.read dm.write"
                        + " offline.access\"}");
    }

    @Test
    void onlyAnAdministratorConnects() {
        given().header("Authorization", AgentTokens.bearer("acme"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", "c", "redirectUri", REDIRECT))
                .post("/api/accounts/facebook")
                .then()
                .statusCode(403);
        given().header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/accounts/login-options")
                .then()
                .statusCode(403);
        admin("acme")
                .get("/api/accounts/login-options")
                .then()
                .statusCode(200)
                .body("facebook.clientId", Matchers.equalTo("1234567890123456"))
                .body("x.clientId", Matchers.equalTo("dev-twitter-client-id"))
                .body("$", Matchers.not(Matchers.hasKey("secret")));
    }

    private void stubFacebookLogin(String code, String userToken, String pageId, String pageToken) {
        network.stubFor(
                post(urlEqualTo("/facebook/oauth/access_token"))
                        .withRequestBody(containing("code=" + code))
                        .willReturn(
                                json(
                                        200,
                                        "{\"access_token\":\""
                                                + userToken
                                                + "\",\"token_type\":\"bearer\",\"expires_in\":5400}")));
        network.stubFor(
                post(urlEqualTo("/facebook/oauth/access_token"))
                        .withRequestBody(containing("fb_exchange_token=" + userToken))
                        .willReturn(
                                json(
                                        200,
                                        "{\"access_token\":\""
                                                + userToken
                                                + "-long-lived\",\"token_type\":\"bearer\","
                                                + "\"expires_in\":5183944}")));
        network.stubFor(
                get(urlPathEqualTo("/facebook/me/accounts"))
                        .withHeader("Authorization", equalTo("Bearer " + userToken + "-long-lived"))
                        .willReturn(
                                json(
                                        200,
                                        "{\"data\":[{\"access_token\":\""
                                                + pageToken
                                                + "\",\"category\":\"Product/service\","
                                                + "\"category_list\":[{\"id\":\"2201\",\"name\":\"Product/service\"}],\"name\":\"Initech"
                                                + " Outlet\",\"id\":\""
                                                + pageId
                                                + "\",\"tasks\":[\"ANALYZE\",\"ADVERTISE\",\"MESSAGING\","
                                                + "\"MODERATE\",\"CREATE_CONTENT\",\"MANAGE\"]}],"
                                                + "\"paging\":{\"cursors\":{\"before\":\"QVFIUk\",\"after\":\"QVFIUk\"}}}")));
        network.stubFor(
                post(urlPathEqualTo("/facebook/" + pageId + "/subscribed_apps"))
                        .willReturn(json(200, "{\"success\":true}")));
    }

    /** The account's next announcement with another credential than it had. */
    private AccountChanged awaitNewCredential(String externalId, AccountChanged before) {
        return announced
                .awaitRecord(
                        a ->
                                a.externalId().equals(externalId)
                                        && !a.sealedCredential().equals(before.sealedCredential()))
                .value();
    }

    private String opened(AccountChanged changed) {
        return vault.open(SealedCredential.parse(changed.sealedCredential()), changed.accountId());
    }

    private static RequestSpecification admin(String brand) {
        return given().header("Authorization", AgentTokens.adminBearer(brand))
                .contentType(ContentType.JSON);
    }
}
