package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.socialsuite.outbound.delivery.Replies.answering;
import static org.socialsuite.testsupport.NetworkStubs.facebookError;
import static org.socialsuite.testsupport.NetworkStubs.messageSent;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * Permanent refusals fail at once with a reason an agent can read; an invalid token also flags the
 * account; a reply that breaks the networks' rules fails without calling the network at all.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class RefusalTest {

    private static final String SEND_API = "/facebook/1000001/messages";

    private final WireMockServer network = WireMockNetworks.server();
    private DeliveryProbe probe;

    @Inject MeterRegistry meters;

    @BeforeEach
    void setUp() {
        network.resetAll();
        probe = new DeliveryProbe();
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10  | 2018278 | 10/2018278 | Outside the allowed messaging window",
                "10900 |       | 10900      | This comment has already been answered privately",
                "551 | 1545041 | 551/1545041 | This person is not available to receive messages",
                "100 |         | 100        | Facebook refused a parameter of the reply"
            })
    void aPermanentRefusalFailsAtOnceWithItsReason(
            int code, Integer subcode, String expectedCode, String expectedReason) {
        network.stubFor(
                post(SEND_API).willReturn(facebookError(code, subcode, "(#" + code + ") Refused")));

        ReplyResult result =
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PRIVATE_RESPONSE,
                                answering("7001", null, "555_777", Duration.ofHours(1))));

        assertThat(result.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo(expectedCode);
        assertThat(result.errorMessage())
                .isEqualTo(expectedReason + " (Facebook: (#" + code + ") Refused)");
        assertThat(result.attempts()).isEqualTo(1);
        network.verify(1, postRequestedFor(urlEqualTo(SEND_API)));
    }

    @Test
    void anInvalidTokenFailsAndFlagsTheAccountUntilASendSucceeds() {
        String sendApi = "/facebook/3000001/messages";
        network.stubFor(
                post(sendApi)
                        .willReturn(
                                facebookError(
                                        190,
                                        460,
                                        "Error validating access token: session expired")));

        ReplyResult result =
                probe.deliver(
                        Replies.of(
                                "globex-facebook",
                                Channel.FACEBOOK,
                                ReplyMode.PRIVATE,
                                answering("8101", null, null, Duration.ofHours(1)),
                                Replies.TEXT));

        assertThat(result.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("190/460");
        assertThat(result.errorMessage())
                .startsWith("The page's access token is invalid or expired");
        network.verify(1, postRequestedFor(urlEqualTo(sendApi)));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body(
                        "checks.find { it.name == 'connected-account-tokens'"
                                + " }.data.'globex-facebook'",
                        containsString("needs re-authorisation"));
        assertThat(meters.get("outbound.accounts.reauthorisation.needed").gauge().value())
                .isEqualTo(1.0);

        network.stubFor(post(sendApi).willReturn(messageSent("8101", "m_after_reauth")));
        probe.deliver(
                Replies.of(
                        "globex-facebook",
                        Channel.FACEBOOK,
                        ReplyMode.PRIVATE,
                        answering("8101", null, null, Duration.ofHours(1)),
                        Replies.TEXT));
        assertThat(meters.get("outbound.accounts.reauthorisation.needed").gauge().value()).isZero();
    }

    @Test
    void overLongTextFailsWithoutANetworkCall() {
        ReplyResult messenger =
                probe.deliver(
                        Replies.of(
                                "acme-facebook",
                                Channel.FACEBOOK,
                                ReplyMode.PRIVATE,
                                answering("8001", null, null, Duration.ofHours(1)),
                                "x".repeat(2_001)));
        // "@bob " weighs 5: 276 more make 281.
        ReplyResult tweet =
                probe.deliver(
                        Replies.of(
                                "acme-twitter",
                                Channel.TWITTER,
                                ReplyMode.PUBLIC,
                                answering(
                                        "9001", "bob", "1900000000000000001", Duration.ofHours(1)),
                                "a".repeat(276)));

        assertThat(messenger.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(messenger.errorCode()).isEqualTo("invalid_text");
        assertThat(messenger.errorMessage())
                .isEqualTo("A Messenger message may have 2000 characters; this one has 2001");
        assertThat(tweet.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(tweet.errorMessage()).contains("this one weighs 281");
        assertThat(tweet.attempts()).isZero();
        network.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aClosedWindowFailsWithoutANetworkCall() {
        ReplyResult message =
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PRIVATE,
                                answering("8001", null, null, Duration.ofDays(8))));
        ReplyResult privateResponse =
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PRIVATE_RESPONSE,
                                answering("7001", null, "555_777", Duration.ofDays(8))));

        assertThat(message.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(message.errorCode()).isEqualTo("window_closed");
        assertThat(message.errorMessage()).contains("Messenger window closed");
        assertThat(privateResponse.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(privateResponse.errorMessage()).contains("within 7 days of the comment");
        network.verify(0, anyRequestedFor(anyUrl()));
    }
}
