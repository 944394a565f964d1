package org.socialsuite.support.inbound;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.support.tracing.EventSpans;

/**
 * Starts the spans of a poll's events, each a child of the span that published its record (the
 * context travels in the record's headers, put there by the Kafka connector).
 */
@ApplicationScoped
public class PollTracing {

    private static final TextMapGetter<Headers> HEADERS =
            new TextMapGetter<>() {
                @Override
                public Iterable<String> keys(Headers headers) {
                    return StreamSupport.stream(headers.spliterator(), false)
                            .map(Header::key)
                            .toList();
                }

                @Override
                public String get(Headers headers, String key) {
                    Header header = headers == null ? null : headers.lastHeader(key);
                    return header == null || header.value() == null
                            ? null
                            : new String(header.value(), StandardCharsets.UTF_8);
                }
            };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public PollTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.socialsuite.inbound");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    public EventSpans start(List<ConsumerRecord<String, SocialEventReceived>> records) {
        Map<SocialEventReceived, Context> contexts = new IdentityHashMap<>(records.size() * 2);
        for (ConsumerRecord<String, SocialEventReceived> record : records) {
            Context published = propagator.extract(Context.root(), record.headers(), HEADERS);
            SocialEventReceived event = record.value();
            Span span =
                    tracer.spanBuilder("process " + record.topic())
                            .setParent(published)
                            .setSpanKind(SpanKind.CONSUMER)
                            .setAttribute("messaging.system", "kafka")
                            .setAttribute("messaging.operation.type", "process")
                            .setAttribute("messaging.destination.name", record.topic())
                            .setAttribute(
                                    "messaging.destination.partition.id",
                                    String.valueOf(record.partition()))
                            .setAttribute("messaging.kafka.offset", record.offset())
                            .setAttribute("social.channel", event.channel().name())
                            .setAttribute("social.platform_event_id", event.platformEventId())
                            .setAttribute("social.platform_id", event.platformId())
                            .startSpan();
            contexts.put(event, published.with(span));
        }
        return EventSpans.of(contexts);
    }
}
