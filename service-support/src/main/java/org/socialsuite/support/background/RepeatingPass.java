package org.socialsuite.support.background;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Background work done in passes: every period, and at once when asked. Passes never overlap; one
 * asked for during a pass follows it, as does another when a pass reports more to do. Each pass
 * runs on a context of its own ({@link VertxContexts#isolated}).
 */
public final class RepeatingPass {

    private static final Logger LOG = Logger.getLogger(RepeatingPass.class);

    private final Vertx vertx;
    private final Duration period;
    private final String name;
    private final Supplier<Uni<Boolean>> pass;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private long timer = -1;

    /**
     * @param pass one pass; its item says whether there is more to do right away
     */
    public RepeatingPass(Vertx vertx, Duration period, String name, Supplier<Uni<Boolean>> pass) {
        this.vertx = vertx;
        this.period = period;
        this.name = name;
        this.pass = pass;
    }

    public void start() {
        timer = vertx.setPeriodic(period.toMillis(), id -> wakeUp());
    }

    public void stop() {
        vertx.cancelTimer(timer);
    }

    public void wakeUp() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            VertxContexts.isolated(vertx).runOnContext(ignored -> run());
        }
    }

    private void run() {
        again.set(false);
        pass.get()
                .subscribe()
                .with(
                        this::finish,
                        failure -> {
                            LOG.warnf("%s failed, will try again: %s", name, failure.toString());
                            finish(false);
                        });
    }

    private void finish(boolean more) {
        running.set(false);
        if (more || again.get()) {
            wakeUp();
        }
    }
}
