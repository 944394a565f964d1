package org.socialsuite.testsupport.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector for tests: it receives what services export over OTLP/HTTP (protobuf,
 * as a real collector's {@code /v1/traces} does) on 127.0.0.1 and keeps every span, so a test can
 * read a whole trace across processes.
 */
public final class TraceCollector implements AutoCloseable {

    /** A span as exported, its ids in hex and its attributes as strings. */
    public record CollectedSpan(
            String service,
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            String kind,
            Map<String, String> attributes) {

        public boolean isRoot() {
            return parentSpanId.isEmpty();
        }

        public String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<CollectedSpan> spans = new ConcurrentLinkedQueue<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    public static TraceCollector start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/", collector::receive);
            server.start();
            return collector;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The base address an OTLP/HTTP exporter is given. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What a Quarkus application needs configured to trace everything and export here. */
    public Map<String, String> configuration() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.endpoint", endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.traces.sampler.arg", "1.0",
                // Exported within a tenth of a second, so a test waits for the trace briefly.
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    /** The same for a service started as a process: its environment variables. */
    public Map<String, String> environment() {
        return configuration().entrySet().stream()
                .collect(
                        Collectors.toMap(
                                entry ->
                                        entry.getKey()
                                                .toUpperCase(Locale.ROOT)
                                                .replaceAll("[^A-Z0-9]", "_"),
                                Map.Entry::getValue));
    }

    public List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** The trace as an indented tree of "service: name (kind)", for a report or a failure. */
    public String tree(String traceId) {
        List<CollectedSpan> trace = trace(traceId);
        Set<String> ids = trace.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
        StringBuilder tree = new StringBuilder("trace ").append(traceId).append('\n');
        trace.stream()
                .filter(span -> !ids.contains(span.parentSpanId()))
                .forEach(span -> branch(span, trace, 1, tree));
        return tree.toString();
    }

    private static void branch(
            CollectedSpan span, List<CollectedSpan> trace, int depth, StringBuilder tree) {
        tree.append("  ".repeat(depth))
                .append(span.service())
                .append(": ")
                .append(span.name())
                .append(" (")
                .append(span.kind())
                .append(")\n");
        trace.stream()
                .filter(child -> child.parentSpanId().equals(span.spanId()))
                .forEach(child -> branch(child, trace, depth + 1, tree));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            request.getResourceSpansList().forEach(this::keep);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody())
                : exchange.getRequestBody();
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = attributes(resourceSpans.getResource()).get("service.name");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (Span span : scope.getSpansList()) {
                spans.add(
                        new CollectedSpan(
                                service,
                                HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                HexFormat.of().formatHex(span.getSpanId().toByteArray()),
                                HexFormat.of().formatHex(span.getParentSpanId().toByteArray()),
                                span.getName(),
                                span.getKind().name().replaceFirst("^SPAN_KIND_", ""),
                                attributes(span.getAttributesList())));
            }
        }
    }

    private static Map<String, String> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream()
                .collect(
                        Collectors.toMap(
                                KeyValue::getKey,
                                attribute -> text(attribute.getValue()),
                                (first, second) -> second));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }
}
