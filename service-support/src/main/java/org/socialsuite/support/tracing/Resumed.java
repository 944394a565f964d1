package org.socialsuite.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/** Asynchronous work run inside a trace context that is not the caller's. */
public final class Resumed {

    private Resumed() {}

    /**
     * The work with the context current until it ends, so what it starts or writes (a network call,
     * an outbox row) belongs to that context's trace.
     */
    public static <T> Uni<T> within(Context context, Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .deferred(
                        () -> {
                            Scope scope = context.makeCurrent();
                            try {
                                return work.get().eventually(scope::close);
                            } catch (RuntimeException failure) {
                                scope.close();
                                throw failure;
                            }
                        });
    }

    /**
     * Work that a background pass takes up again for a row that kept its {@code traceparent}: a new
     * span in the row's trace, so a retry shows where the first attempt is. Without a stored trace
     * the work runs as it is.
     */
    public static <T> Uni<T> inStoredTrace(
            Tracer tracer, String spanName, String traceParent, Supplier<Uni<T>> work) {
        if (traceParent == null || Span.current().getSpanContext().isValid()) {
            return work.get();
        }
        Span span =
                tracer.spanBuilder(spanName).setParent(StoredTrace.parent(traceParent)).startSpan();
        return within(Context.current().with(span), work)
                .onTermination()
                .invoke(
                        (item, failure, cancelled) -> {
                            if (failure != null) {
                                span.recordException(failure);
                                span.setStatus(StatusCode.ERROR);
                            }
                            span.end();
                        });
    }
}
