package org.socialsuite.profile.network;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.socialsuite.support.background.VertxContexts;

/**
 * Concurrent requests for the same key share one piece of work (one upstream call): the first
 * starts it on a context of its own, the others join, and each gets the outcome back on its own
 * context. Per process; instances do not coordinate.
 */
public final class SingleFlight<K, V> {

    private final Vertx vertx;
    private final Map<K, Uni<V>> inFlight = new ConcurrentHashMap<>();

    public SingleFlight(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<V> run(K key, Supplier<Uni<V>> work) {
        return Uni.createFrom()
                .deferred(
                        () ->
                                VertxContexts.backOnCallersContext(
                                        inFlight.computeIfAbsent(key, k -> shared(k, work))));
    }

    private Uni<V> shared(K key, Supplier<Uni<V>> work) {
        return VertxContexts.runIsolated(vertx, work)
                .onTermination()
                .invoke(() -> inFlight.remove(key))
                .memoize()
                .indefinitely();
    }
}
