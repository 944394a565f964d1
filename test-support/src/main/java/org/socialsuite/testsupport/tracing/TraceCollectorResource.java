package org.socialsuite.testsupport.tracing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Tracing on for a Quarkus test, everything sampled and exported to a {@link TraceCollector} the
 * resource starts (the services' own configuration keeps tracing off in tests).
 */
public class TraceCollectorResource implements QuarkusTestResourceLifecycleManager {

    private static TraceCollector collector;

    public static TraceCollector collector() {
        return collector;
    }

    @Override
    public Map<String, String> start() {
        collector = TraceCollector.start();
        return collector.configuration();
    }

    @Override
    public void stop() {
        if (collector != null) {
            collector.close();
        }
    }
}
