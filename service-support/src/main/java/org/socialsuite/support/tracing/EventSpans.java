package org.socialsuite.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.socialsuite.events.SocialEventReceived;

/**
 * One span per event of a poll, each in the trace of the webhook that brought the event: a poll
 * mixes many traces, so no single span can be current while the poll is applied. Set-based paths
 * ask for an event's {@link #traceparent}; per-event paths run {@link #within} its span.
 */
public final class EventSpans {

    private final Map<SocialEventReceived, Context> contexts;

    private EventSpans(Map<SocialEventReceived, Context> contexts) {
        this.contexts = contexts;
    }

    /** The spans started for a poll's events, by event identity (equal events are distinct). */
    public static EventSpans of(Map<SocialEventReceived, Context> contexts) {
        return new EventSpans(contexts);
    }

    /** For a caller that traces nothing (a test applying events directly). */
    public static EventSpans none() {
        return new EventSpans(new IdentityHashMap<>());
    }

    /** The event's span as a stored traceparent, or null if it is not traced. */
    public String traceparent(SocialEventReceived event) {
        Context context = contexts.get(event);
        return context == null ? null : StoredTrace.of(context);
    }

    /**
     * The work with the event's span current until it ends, so what it writes (an outbox row, a
     * query) belongs to the event's trace.
     */
    public <T> Uni<T> within(SocialEventReceived event, Supplier<Uni<T>> work) {
        Context context = contexts.get(event);
        if (context == null) {
            return work.get();
        }
        return Resumed.within(context, work);
    }

    /** Marks the event's span as failed: it was dead-lettered. */
    public void failed(SocialEventReceived event, Throwable failure) {
        Context context = contexts.get(event);
        if (context != null) {
            Span span = Span.fromContext(context);
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, "dead-lettered");
        }
    }

    /** Ends every span of the poll, as failed if the poll could not be applied at all. */
    public void end(Throwable failure) {
        for (Context context : contexts.values()) {
            Span span = Span.fromContext(context);
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
