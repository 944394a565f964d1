package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socialsuite.testsupport.NetworkStubs.facebookError;
import static org.socialsuite.testsupport.NetworkStubs.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * Moderation goes out like a reply, once per command: the exact Graph API and X API calls, with the
 * page's or account's token, the item's id as the result, and the networks' refusals read.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class ModerationDeliveryTest {

    private static final String PAGE_TOKEN = "Bearer dev-acme-page-token";
    private static final String SUCCESS = "{\"success\":true}";

    private final WireMockServer network = WireMockNetworks.server();
    private DeliveryProbe probe;
    private String comment;

    @BeforeEach
    void setUp() {
        network.resetAll();
        probe = new DeliveryProbe();
        comment = "555_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void hidingAndShowingAgainSetIsHiddenOnTheComment() {
        network.stubFor(post("/facebook/" + comment).willReturn(json(200, SUCCESS)));

        ReplyResult hidden = probe.deliver(facebook(OutboundAction.HIDE));
        ReplyResult shown = probe.deliver(facebook(OutboundAction.UNHIDE));

        assertThat(hidden.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(hidden.platformMessageId()).isEqualTo(comment);
        assertThat(shown.status()).isEqualTo(DeliveryOutcome.SENT);
        network.verify(
                1,
                postRequestedFor(urlEqualTo("/facebook/" + comment))
                        .withHeader("Authorization", equalTo(PAGE_TOKEN))
                        .withRequestBody(equalToJson("{\"is_hidden\":true}")));
        network.verify(
                1,
                postRequestedFor(urlEqualTo("/facebook/" + comment))
                        .withRequestBody(equalToJson("{\"is_hidden\":false}")));
    }

    @Test
    void deletingAndLikingCallTheirEndpointsOnceEvenWhenTheCommandComesTwice() {
        network.stubFor(delete("/facebook/" + comment).willReturn(json(200, SUCCESS)));
        network.stubFor(post("/facebook/" + comment + "/likes").willReturn(json(200, SUCCESS)));

        ReplyRequested like = facebook(OutboundAction.LIKE);
        assertThat(probe.deliver(like).status()).isEqualTo(DeliveryOutcome.SENT);
        DeliveryProbe.publish(like);
        ReplyResult deleted = probe.deliver(facebook(OutboundAction.DELETE));

        assertThat(deleted.status()).isEqualTo(DeliveryOutcome.SENT);
        network.verify(
                1,
                postRequestedFor(urlEqualTo("/facebook/" + comment + "/likes"))
                        .withHeader("Authorization", equalTo(PAGE_TOKEN)));
        network.verify(
                1,
                deleteRequestedFor(urlEqualTo("/facebook/" + comment))
                        .withHeader("Authorization", equalTo(PAGE_TOKEN)));
    }

    @Test
    void aTweetIsLikedAsTheBrandsAccountAndNothingElseIsAskedOfX() {
        String tweet = "19" + System.nanoTime();
        network.stubFor(
                post("/twitter/2/users/2000001/likes")
                        .willReturn(json(200, "{\"data\":{\"liked\":true}}")));

        ReplyResult liked = probe.deliver(twitter(OutboundAction.LIKE, tweet));
        ReplyResult deleted = probe.deliver(twitter(OutboundAction.DELETE, tweet));

        assertThat(liked.status()).isEqualTo(DeliveryOutcome.SENT);
        assertThat(liked.platformMessageId()).isEqualTo(tweet);
        network.verify(
                1,
                postRequestedFor(urlEqualTo("/twitter/2/users/2000001/likes"))
                        .withHeader("Authorization", equalTo("Bearer dev-acme-twitter-token"))
                        .withRequestBody(equalToJson("{\"tweet_id\":\"" + tweet + "\"}")));
        assertThat(deleted.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(deleted.errorCode()).isEqualTo("unsupported");
        assertThat(deleted.errorMessage())
                .isEqualTo("Twitter/X does not let a brand delete a consumer's tweet");
        network.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void facebooksRefusalIsReadAndNotRetried() {
        network.stubFor(
                post("/facebook/" + comment)
                        .willReturn(facebookError(100, 33, "Unsupported post request")));

        ReplyResult refused = probe.deliver(facebook(OutboundAction.HIDE));

        assertThat(refused.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(refused.errorMessage()).contains("Unsupported post request");
        network.verify(1, anyRequestedFor(anyUrl()));
    }

    private ReplyRequested facebook(OutboundAction action) {
        return Replies.moderation("acme-facebook", Channel.FACEBOOK, action, "8001", comment);
    }

    private static ReplyRequested twitter(OutboundAction action, String tweet) {
        return Replies.moderation("acme-twitter", Channel.TWITTER, action, "9001", tweet);
    }
}
