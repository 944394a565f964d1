package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.socialsuite.outbound.delivery.Replies.answering;
import static org.socialsuite.testsupport.NetworkStubs.facebookError;
import static org.socialsuite.testsupport.NetworkStubs.messageSent;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestAccounts;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * outbound sends with the token account-service last announced, opened with its own keys, and not
 * at all for an account that was disconnected.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class ConnectedAccountDeliveryTest {

    private static final String ACCOUNT = "initech-facebook";
    private static final String SEND_API = "/facebook/7000001/messages";

    private final WireMockServer network = WireMockNetworks.server();
    private DeliveryProbe probe;

    @Inject AccountRegistry accounts;

    @BeforeEach
    void setUp() {
        network.resetAll();
        probe = new DeliveryProbe();
    }

    @AfterEach
    void tearDown() {
        probe.close();
        TestAccounts.disconnect(ACCOUNT);
        await().until(() -> accounts.byId(ACCOUNT).isEmpty());
    }

    @Test
    void aRotatedTokenIsUsedFromTheNextReplyAndADisconnectedAccountSendsNothing() {
        network.stubFor(post(SEND_API).willReturn(messageSent("8101", "m_sent")));

        connect("EAAG-initech-first");
        assertThat(reply().status()).isEqualTo(DeliveryOutcome.SENT);
        network.verify(
                postRequestedFor(urlEqualTo(SEND_API))
                        .withHeader("Authorization", equalTo("Bearer EAAG-initech-first")));

        connect("EAAG-initech-rotated");
        assertThat(reply().status()).isEqualTo(DeliveryOutcome.SENT);
        network.verify(
                postRequestedFor(urlEqualTo(SEND_API))
                        .withHeader("Authorization", equalTo("Bearer EAAG-initech-rotated")));

        TestAccounts.disconnect(ACCOUNT);
        await().until(() -> accounts.byId(ACCOUNT).isEmpty());
        network.resetRequests();
        ReplyResult afterDisconnect = reply();

        assertThat(afterDisconnect.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(afterDisconnect.errorCode()).isEqualTo("unknown_account");
        network.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedTokenIsFlaggedForTheBrandUntilTheAccountIsConnectedAgain() {
        network.stubFor(
                post(SEND_API)
                        .willReturn(
                                facebookError(
                                        190,
                                        460,
                                        "Error validating access token: session expired")));
        connect("EAAG-initech-expired");

        ReplyResult refused = reply();

        assertThat(refused.errorCode()).isEqualTo("190/460");
        given().header("Authorization", AgentTokens.bearer("initech"))
                .get("/api/outbound/accounts/reauthorisations")
                .then()
                .statusCode(200)
                .body("accountId", contains(ACCOUNT))
                .body("[0].reason", startsWith("The page's access token is invalid or expired"));
        given().header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/outbound/accounts/reauthorisations")
                .then()
                .statusCode(200)
                .body("accountId", not(hasItem(ACCOUNT)));

        // The administrator connects the page again: a new token, and the flag no longer applies.
        connect("EAAG-initech-renewed");
        given().header("Authorization", AgentTokens.bearer("initech"))
                .get("/api/outbound/accounts/reauthorisations")
                .then()
                .statusCode(200)
                .body("accountId", empty());
    }

    private void connect(String token) {
        String sealed = TestAccounts.sealed(ACCOUNT, token);
        TestAccounts.announce(
                new AccountChanged(
                        ACCOUNT,
                        "initech",
                        Channel.FACEBOOK,
                        "7000001",
                        "Initech Support",
                        "InitechSupport",
                        null,
                        true,
                        true,
                        sealed,
                        Instant.now()));
        await().until(
                        () ->
                                accounts.byId(ACCOUNT).isPresent()
                                        && accounts.accessToken(ACCOUNT).orElse("").equals(token));
    }

    private ReplyResult reply() {
        return probe.deliver(
                Replies.of(
                        ACCOUNT,
                        Channel.FACEBOOK,
                        ReplyMode.PRIVATE,
                        answering("8101", null, null, Duration.ofHours(1)),
                        Replies.TEXT));
    }
}
