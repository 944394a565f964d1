package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialsuite.testsupport.NetworkStubs.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestAccounts;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * A bulk reply's fifty commands to one page: fifty calls, one per comment and none twice, fifty
 * final results, and no more calls in any stretch of time than the page's limit lets through (the
 * test profile: 10 per 2 s, a bucket of 10 refilled at 5 a second).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class BulkPacingTest {

    private static final String ACCOUNT = "paced-facebook";
    private static final int REPLIES = 50;
    private static final int PERMITS = 10;
    private static final double PER_SECOND = PERMITS / 2.0;

    private final WireMockServer network = WireMockNetworks.server();
    private DeliveryProbe probe;

    @Inject AccountRegistry accounts;

    @BeforeEach
    void setUp() {
        network.resetAll();
        probe = new DeliveryProbe();
        TestAccounts.announce(
                new AccountChanged(
                        ACCOUNT,
                        "paced",
                        Channel.FACEBOOK,
                        "7100001",
                        "Paced Co",
                        "PacedCo",
                        null,
                        true,
                        true,
                        TestAccounts.sealed(ACCOUNT, "EAAG-paced"),
                        Instant.now()));
        await().until(() -> accounts.byId(ACCOUNT).isPresent());
    }

    @AfterEach
    void tearDown() {
        probe.close();
        TestAccounts.disconnect(ACCOUNT);
    }

    @Test
    void fiftyRepliesToOnePageGoOutOnceEachWithinItsLimit() {
        network.stubFor(
                post(urlMatching("/facebook/paced_[0-9]+/comments"))
                        .willReturn(json(200, "{\"id\":\"reply_comment\"}")));
        List<ReplyRequested> bulk =
                IntStream.range(0, REPLIES)
                        .mapToObj(
                                i ->
                                        Replies.of(
                                                ACCOUNT,
                                                Channel.FACEBOOK,
                                                ReplyMode.PUBLIC,
                                                Replies.answering(
                                                        "psid-" + i,
                                                        null,
                                                        "paced_" + i,
                                                        Duration.ofMinutes(5)),
                                                "Thanks! Check your inbox"))
                        .toList();

        bulk.forEach(DeliveryProbe::publish);
        List<ReplyResult> results = bulk.stream().map(probe::awaitResult).toList();

        assertThat(results).extracting(ReplyResult::status).containsOnly(DeliveryOutcome.SENT);
        for (int i = 0; i < REPLIES; i++) {
            network.verify(1, postRequestedFor(urlMatching("/facebook/paced_" + i + "/comments")));
        }
        List<Instant> calls =
                network
                        .findAll(postRequestedFor(urlMatching("/facebook/paced_[0-9]+/comments")))
                        .stream()
                        .map(LoggedRequest::getLoggedDate)
                        .map(java.util.Date::toInstant)
                        .sorted(Comparator.naturalOrder())
                        .toList();
        assertThat(calls).hasSize(REPLIES);
        // A token bucket lets through at most its size plus what refills meanwhile; the clocks of
        // the limiter and the stub differ by a few milliseconds, hence one call of slack.
        for (int from = 0; from < calls.size(); from++) {
            for (int to = from; to < calls.size(); to++) {
                double seconds =
                        Duration.between(calls.get(from), calls.get(to)).toMillis() / 1000.0;
                assertThat(to - from + 1)
                        .as("calls %d to %d within %.3f s", from, to, seconds)
                        .isLessThanOrEqualTo(PERMITS + (int) Math.floor(PER_SECOND * seconds) + 1);
            }
        }
    }
}
