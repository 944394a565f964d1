package org.socialsuite.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * A trace context kept in a row that outlives the work that wrote it: an outbox row is published
 * after its transaction committed, by whichever replica's relay takes it, so the context travels as
 * the row's W3C {@code traceparent} and the publication joins the trace that caused it.
 */
public final class StoredTrace {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> FROM =
            new TextMapGetter<>() {
                @Override
                public Iterable<String> keys(String carrier) {
                    return List.of("traceparent");
                }

                @Override
                public String get(String carrier, String key) {
                    return "traceparent".equals(key) ? carrier : null;
                }
            };

    private StoredTrace() {}

    /** The current span's traceparent, or null where nothing is traced. */
    public static String current() {
        return of(Context.current());
    }

    /**
     * The context's traceparent, or null if it holds no valid span (tracing off, say). Written
     * directly in W3C's version-00 form: a poll asks once per event, and the propagator's inject
     * cost a per-cent of conversation-service's CPU in the benchmark's profile.
     */
    public static String of(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-"
                + span.getTraceId()
                + "-"
                + span.getSpanId()
                + "-"
                + span.getTraceFlags().asHex();
    }

    /** The stored context as a parent, or the root context if none was stored. */
    public static Context parent(String traceparent) {
        return traceparent == null
                ? Context.root()
                : W3C.extract(Context.root(), traceparent, FROM);
    }
}
