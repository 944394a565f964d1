package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialsuite.outbound.delivery.Replies.answering;
import static org.socialsuite.testsupport.NetworkStubs.json;
import static org.socialsuite.testsupport.NetworkStubs.tweeted;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestEvents;
import org.socialsuite.testsupport.WireMockNetworks;
import org.socialsuite.testsupport.tracing.TraceCollector;
import org.socialsuite.testsupport.tracing.TraceCollectorResource;

/**
 * A reply arrives in its trace (the {@code traceparent} header conversation-service's relay
 * writes), and every attempt stays in it: the first, made on arrival, and the retry the scheduler
 * makes later from the stored row. The network sees the trace on each call, and the result goes
 * back in it.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(TraceCollectorResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class DeliveryTracingTest {

    private static final String TWEETS = "/twitter/2/tweets";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final WireMockServer network = WireMockNetworks.server();

    @Test
    void aRetriedReplyStaysInItsTraceUpToTheNetworkAndBack() {
        network.resetAll();
        network.stubFor(
                post(TWEETS)
                        .inScenario("retry")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(json(503, "{\"title\":\"Service Unavailable\"}")));
        network.stubFor(
                post(TWEETS)
                        .inScenario("retry")
                        .whenScenarioStateIs("recovered")
                        .willReturn(tweeted("1900000000000000300", "@bob On it")));
        ReplyRequested reply =
                Replies.of(
                        "globex-twitter",
                        Channel.TWITTER,
                        ReplyMode.PUBLIC,
                        answering("9101", "bob", "1900000000000000002", Duration.ofMinutes(1)),
                        Replies.TEXT);

        try (DeliveryProbe probe = new DeliveryProbe()) {
            TestEvents.publishTraced(
                    Topics.OUTBOUND_REQUESTED, reply.conversationId(), reply, TRACEPARENT);
            ConsumerRecord<String, ReplyResult> result =
                    probe.results().awaitRecord(r -> r.replyId().equals(reply.replyId()));

            assertThat(result.value().status()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(result.value().attempts()).isEqualTo(2);
            assertThat(traceOf(header(result, "traceparent"))).isEqualTo(TRACE_ID);
        }
        List<String> calls =
                network.getAllServeEvents().stream()
                        .map(ServeEvent::getRequest)
                        .filter(request -> request.getUrl().equals(TWEETS))
                        .map(request -> request.getHeader("traceparent"))
                        .toList();
        assertThat(calls)
                .hasSize(2)
                .allSatisfy(call -> assertThat(traceOf(call)).isEqualTo(TRACE_ID));

        // The retry is a span of the reply's trace, exported as any other.
        TraceCollector collector = TraceCollectorResource.collector();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(collector.trace(TRACE_ID))
                                        .extracting(TraceCollector.CollectedSpan::name)
                                        .contains(
                                                "social.outbound.requested.v1 receive",
                                                "deliver reply",
                                                "social.outbound.result.v1 publish"));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The trace id of a W3C traceparent, version-traceid-spanid-flags. */
    private static String traceOf(String traceparent) {
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }
}
