package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Topics;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.tracing.TraceCollector;
import org.socialsuite.testsupport.tracing.TraceCollector.CollectedSpan;

/**
 * What an operator sees in the tracing backend: a webhook is one trace from ingest's HTTP request
 * through Kafka to each service that applied it and the announcement of the stored message, and an
 * agent's reply one trace from the REST call through outbound's call to the network and back; what
 * a service logs meanwhile names the trace. The services export over OTLP to the suite's collector,
 * as they would to a real one.
 */
class TracingIT {

    private static SimulatedSuite suite;
    private static TraceCollector collector;

    @BeforeAll
    static void startServices() {
        suite = SimulatedSuite.get();
        collector = suite.traces;
    }

    @Test
    void aWebhookIsOneTraceFromIngestThroughEachConsumerToTheAnnouncedMessage() {
        String mid = "m_trace_" + UUID.randomUUID();
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(
                                "trace-" + mid.substring(8, 16), mid, "Where is order 5150?"))
                .statusCode(200);

        String traceId = span("conversation-service", processing(Topics.INBOUND, mid)).traceId();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            List<CollectedSpan> trace = collector.trace(traceId);
                            CollectedSpan request = one(trace, "ingest-service", kind("SERVER"));
                            assertThat(request.isRoot()).isTrue();
                            assertThat(request.attribute("url.path"))
                                    .isEqualTo("/webhooks/facebook");
                            CollectedSpan published =
                                    one(trace, "ingest-service", publishing(Topics.INBOUND));
                            CollectedSpan stored =
                                    one(
                                            trace,
                                            "conversation-service",
                                            processing(Topics.INBOUND, mid));
                            CollectedSpan learned =
                                    one(trace, "profile-service", processing(Topics.INBOUND, mid));
                            assertThat(stored.parentSpanId()).isEqualTo(published.spanId());
                            assertThat(learned.parentSpanId()).isEqualTo(published.spanId());
                            // The relay publishes later, perhaps on another replica: still in it.
                            CollectedSpan announced =
                                    one(
                                            trace,
                                            "conversation-service",
                                            publishing(Topics.CONVERSATION));
                            assertThat(announced.parentSpanId()).isEqualTo(stored.spanId());
                            assertOneTree(trace);
                        });
        System.out.println(collector.tree(traceId));
    }

    @Test
    void anAgentsReplyIsOneTraceThroughOutboundAndTheNetworkCall() {
        AgentApi agent = new AgentApi(suite.conversations);
        String psid = "trace-" + UUID.randomUUID().toString().substring(0, 8);
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(
                                "1000001",
                                psid,
                                "m_" + UUID.randomUUID(),
                                "Can you call me back?",
                                System.currentTimeMillis()))
                .statusCode(200);
        String conversation = agent.awaitConversationOf(psid);

        agent.reply(conversation, "We will call you within the hour", "PRIVATE");

        String path = "/api/conversations/" + conversation + "/replies";
        String traceId =
                span(
                                "conversation-service",
                                kind("SERVER").and(s -> path.equals(s.attribute("url.path"))))
                        .traceId();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            List<CollectedSpan> trace = collector.trace(traceId);
                            CollectedSpan requested =
                                    one(
                                            trace,
                                            "conversation-service",
                                            publishing(Topics.OUTBOUND_REQUESTED));
                            CollectedSpan received =
                                    one(
                                            trace,
                                            "outbound-service",
                                            receiving(Topics.OUTBOUND_REQUESTED));
                            assertThat(received.parentSpanId()).isEqualTo(requested.spanId());
                            CollectedSpan networkCall =
                                    one(trace, "outbound-service", kind("CLIENT"));
                            assertThat(networkCall.attribute("http.request.method"))
                                    .isEqualTo("POST");
                            CollectedSpan result =
                                    one(
                                            trace,
                                            "outbound-service",
                                            publishing(Topics.OUTBOUND_RESULT));
                            assertThat(
                                            one(
                                                            trace,
                                                            "conversation-service",
                                                            receiving(Topics.OUTBOUND_RESULT))
                                                    .parentSpanId())
                                    .isEqualTo(result.spanId());
                            assertOneTree(trace);
                        });
        System.out.println(collector.tree(traceId));
    }

    @Test
    void aCallersTraceContextIsContinuedAndItsIdIsInTheJsonLog() throws IOException {
        // As the gateway would send it: the webhook joins the caller's trace.
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent =
                "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String body =
                FacebookWebhooks.messenger(
                        "4040404", "trace-psid", "m_" + UUID.randomUUID(), "Anyone there?");
        given().baseUri(suite.ingest.baseUrl())
                .header("traceparent", traceparent)
                .header("X-Hub-Signature-256", FacebookWebhooks.sign(body))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/webhooks/facebook")
                .then()
                .statusCode(200);

        CollectedSpan request =
                span("ingest-service", kind("SERVER").and(s -> s.traceId().equals(traceId)));
        assertThat(request.isRoot()).isFalse();
        // The page is no account of ours: ingest warns, and the warning names the trace.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(jsonLines(suite.ingest))
                                        .anySatisfy(
                                                line -> {
                                                    assertThat(line.getString("message"))
                                                            .contains("unknown account")
                                                            .contains("4040404");
                                                    assertThat(line.getString("mdc.traceId"))
                                                            .isEqualTo(traceId);
                                                    assertThat(line.getString("mdc.spanId"))
                                                            .isEqualTo(request.spanId());
                                                }));
    }

    private static List<JsonPath> jsonLines(ServiceProcess service) throws IOException {
        return Files.readAllLines(service.log()).stream()
                .filter(line -> line.startsWith("{"))
                .map(JsonPath::from)
                .toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Every span's parent is in the trace, and only the first request has none. */
    private static void assertOneTree(List<CollectedSpan> trace) {
        Set<String> ids = trace.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
        assertThat(trace.stream().filter(CollectedSpan::isRoot)).hasSize(1);
        assertThat(trace)
                .filteredOn(span -> !span.isRoot())
                .allSatisfy(span -> assertThat(ids).contains(span.parentSpanId()));
    }

    private static CollectedSpan span(String service, Predicate<CollectedSpan> what) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                collector.spans().stream()
                                        .filter(s -> service.equals(s.service()) && what.test(s))
                                        .findFirst()
                                        .orElse(null),
                        found -> found != null);
    }

    private static CollectedSpan one(
            List<CollectedSpan> trace, String service, Predicate<CollectedSpan> what) {
        List<CollectedSpan> found =
                trace.stream().filter(s -> service.equals(s.service()) && what.test(s)).toList();
        assertThat(found)
                .as("%s spans in %s", service, collector.tree(trace.get(0).traceId()))
                .hasSize(1);
        return found.get(0);
    }

    private static Predicate<CollectedSpan> kind(String kind) {
        return span -> kind.equals(span.kind());
    }

    private static Predicate<CollectedSpan> publishing(String topic) {
        return kind("PRODUCER")
                .and(span -> topic.equals(span.attribute("messaging.destination.name")));
    }

    private static Predicate<CollectedSpan> receiving(String topic) {
        return kind("CONSUMER")
                .and(span -> topic.equals(span.attribute("messaging.destination.name")))
                .and(span -> !span.name().startsWith("process "));
    }

    private static Predicate<CollectedSpan> processing(String topic, String platformId) {
        return kind("CONSUMER")
                .and(span -> span.name().equals("process " + topic))
                .and(span -> platformId.equals(span.attribute("social.platform_id")));
    }
}
