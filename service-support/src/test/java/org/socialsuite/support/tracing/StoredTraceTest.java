package org.socialsuite.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class StoredTraceTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void aSpanIsStoredAsItsW3cTraceparentAndComesBackAsARemoteParent() {
        String stored = StoredTrace.of(context(TraceFlags.getSampled()));

        assertThat(stored).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
        SpanContext parent = Span.fromContext(StoredTrace.parent(stored)).getSpanContext();
        assertThat(parent.getTraceId()).isEqualTo(TRACE);
        assertThat(parent.getSpanId()).isEqualTo(SPAN);
        assertThat(parent.isSampled()).isTrue();
        assertThat(parent.isRemote()).isTrue();
    }

    @Test
    void anUnsampledSpanStaysUnsampledDownstream() {
        String stored = StoredTrace.of(context(TraceFlags.getDefault()));

        assertThat(stored).endsWith("-00");
        assertThat(Span.fromContext(StoredTrace.parent(stored)).getSpanContext().isSampled())
                .isFalse();
    }

    @Test
    void nothingTracedIsStoredAsNullAndResumedAsTheRoot() {
        assertThat(StoredTrace.of(Context.root())).isNull();
        assertThat(StoredTrace.parent(null)).isSameAs(Context.root());
        // A row written by hand or damaged does not break its publication.
        assertThat(Span.fromContext(StoredTrace.parent("garbage")).getSpanContext().isValid())
                .isFalse();
    }

    private static Context context(TraceFlags flags) {
        return Context.root()
                .with(Span.wrap(SpanContext.create(TRACE, SPAN, flags, TraceState.getDefault())));
    }
}
