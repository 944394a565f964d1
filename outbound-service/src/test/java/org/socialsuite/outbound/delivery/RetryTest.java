package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socialsuite.outbound.delivery.Replies.answering;
import static org.socialsuite.testsupport.NetworkStubs.dmSent;
import static org.socialsuite.testsupport.NetworkStubs.facebookError;
import static org.socialsuite.testsupport.NetworkStubs.json;
import static org.socialsuite.testsupport.NetworkStubs.messageSent;
import static org.socialsuite.testsupport.NetworkStubs.tooManyRequests;
import static org.socialsuite.testsupport.NetworkStubs.tweeted;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * Temporary failures and rate limits are retried after the right waits (test profile: 3 attempts,
 * backoff from 200 ms with equal jitter, so at least 100 ms), and a burst beyond an account's quota
 * (test profile: 3 DMs per 3 s) is spaced out instead of sent into a 429.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class RetryTest {

    private static final String TWEETS = "/twitter/2/tweets";
    private static final String SEND_API = "/facebook/1000001/messages";
    private static final Duration SHORTEST_BACKOFF = Duration.ofMillis(100);

    private final WireMockServer network = WireMockNetworks.server();
    private DeliveryProbe probe;

    @BeforeEach
    void setUp() {
        network.resetAll();
        probe = new DeliveryProbe();
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void aServerErrorThenSuccessEndsSentAfterABackoff() {
        answerInTurn(
                TWEETS,
                json(
                        500,
                        "{\"title\":\"Internal Server"
                                + " Error\",\"detail\":\"Oops\",\"type\":\"about:blank\"}"),
                tweeted("1900000000000000200", "@bob We are on it"));

        ReplyResult result = probe.deliver(globexTweet());

        assertThat(result.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(result.platformMessageId()).isEqualTo("1900000000000000200");
        assertThat(result.attempts()).isEqualTo(2);
        List<Instant> calls = callTimes(TWEETS);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0), calls.get(1)))
                .isGreaterThanOrEqualTo(SHORTEST_BACKOFF);
    }

    @Test
    void aRateLimitWaitsForTheResetTimeTheNetworkGave() {
        Instant reset = Instant.now().plusSeconds(2);
        answerInTurn(
                TWEETS,
                tooManyRequests(reset.getEpochSecond()),
                tweeted("1900000000000000201", "@bob We are on it"));

        ReplyResult result = probe.deliver(globexTweet());

        assertThat(result.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(result.attempts()).isEqualTo(2);
        List<Instant> calls = callTimes(TWEETS);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).isAfterOrEqualTo(Instant.ofEpochSecond(reset.getEpochSecond()));
    }

    @Test
    void facebookRateLimitAndTemporaryCodesAreRetried() {
        answerInTurn(
                SEND_API,
                facebookError(613, null, "Calls to this api have exceeded the rate limit."),
                facebookError(2, null, "An unexpected error has occurred. Please retry."),
                messageSent("8001", "m_after_retry"));

        ReplyResult result =
                probe.deliver(
                        Replies.facebook(
                                ReplyMode.PRIVATE,
                                answering("8001", null, null, Duration.ofHours(1))));

        assertThat(result.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(result.platformMessageId()).isEqualTo("m_after_retry");
        assertThat(result.attempts()).isEqualTo(3);
    }

    @Test
    void repeatedServerErrorsFailAfterTheConfiguredAttempts() {
        network.stubFor(
                post(TWEETS)
                        .willReturn(
                                json(
                                        503,
                                        "{\"title\":\"Service Unavailable\",\"detail\":\"Over"
                                                + " capacity\",\"type\":\"about:blank\"}")));

        ReplyResult result = probe.deliver(globexTweet());

        assertThat(result.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.errorCode()).isEqualTo("HTTP 503");
        assertThat(result.errorMessage())
                .isEqualTo(
                        "Gave up after 3 attempts: Twitter/X had a temporary problem (Twitter/X:"
                                + " Over capacity)");
        network.verify(3, postRequestedFor(urlEqualTo(TWEETS)));
    }

    @Test
    void aBurstBeyondTheAccountsQuotaIsSpacedOutNotRefused() {
        String dms = "/twitter/2/dm_conversations/with/9101/messages";
        network.stubFor(post(dms).willReturn(dmSent("4000001-9101", "1950000000000000300")));
        List<ReplyRequested> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(
                    Replies.of(
                            "globex-twitter",
                            Channel.TWITTER,
                            ReplyMode.PRIVATE,
                            answering("9101", "carol", null, Duration.ofMinutes(1)),
                            "Reply " + i));
        }

        burst.forEach(DeliveryProbe::publish);
        List<ReplyResult> results = burst.stream().map(probe::awaitResult).toList();

        assertThat(results)
                .allSatisfy(
                        r -> {
                            assertThat(r.status()).isEqualTo(DeliveryOutcome.SENT);
                            assertThat(r.attempts()).isEqualTo(1);
                        });
        // Three at once, then one a second as the bucket refills.
        List<Instant> calls = callTimes(dms);
        assertThat(calls).hasSize(5);
        assertThat(Duration.between(calls.get(0), calls.get(3)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Duration.between(calls.get(0), calls.get(4)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    private static ReplyRequested globexTweet() {
        return Replies.of(
                "globex-twitter",
                Channel.TWITTER,
                ReplyMode.PUBLIC,
                answering("9101", "bob", "1900000000000000002", Duration.ofMinutes(1)),
                Replies.TEXT);
    }

    /** The path answers with each response in turn, the last one from then on. */
    private void answerInTurn(String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            network.stubFor(
                    post(path)
                            .inScenario(path)
                            .whenScenarioStateIs(i == 0 ? STARTED : "answer " + i)
                            .willSetStateTo("answer " + Math.min(i + 1, responses.length - 1))
                            .willReturn(responses[i]));
        }
    }

    private List<Instant> callTimes(String path) {
        return network.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().equals(path))
                .map(request -> request.getLoggedDate().toInstant())
                .sorted(Comparator.naturalOrder())
                .toList();
    }
}
