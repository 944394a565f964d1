package org.socialsuite.support.background;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Work that outlives, or is shared between, requests runs on a duplicated Vert.x context of its
 * own: Hibernate Reactive binds its session to the context, so two callers must never share one.
 */
public final class VertxContexts {

    private VertxContexts() {}

    /**
     * A fresh duplicated context, marked safe for Hibernate Reactive: new even when the caller runs
     * on a duplicated context of its own, so work started from a consumer's chain never shares the
     * consumer's Hibernate Reactive session.
     */
    public static Context isolated(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** Runs the work on a fresh context; its outcome is delivered wherever it completes. */
    public static <T> Uni<T> runIsolated(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .emitter(
                        emitter ->
                                isolated(vertx)
                                        .runOnContext(
                                                ignored ->
                                                        work.get()
                                                                .subscribe()
                                                                .with(
                                                                        emitter::complete,
                                                                        emitter::fail)));
    }

    /**
     * Completes after the delay, on the caller's context (a Vert.x timer fires where it was set),
     * so the chain goes on with the caller's Hibernate Reactive session, unlike Mutiny's own
     * delays.
     */
    public static Uni<Void> delay(Vertx vertx, Duration delay) {
        return Uni.createFrom()
                .emitter(emitter -> vertx.setTimer(delay.toMillis(), id -> emitter.complete(null)));
    }

    /** Delivers the outcome back on the caller's context, if the caller had one. */
    public static <T> Uni<T> backOnCallersContext(Uni<T> uni) {
        Context caller = Vertx.currentContext();
        return caller == null
                ? uni
                : uni.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
