package org.socialsuite.conversation.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.socialsuite.support.background.RepeatingPass;

/**
 * How many open conversations await an answer and how many of those are overdue, per brand: {@code
 * conversation_waiting} and {@code conversation_overdue}, counted from the database every {@code
 * conversation.queue.count-every}. Every replica reports the same counts (alert on the maximum, not
 * the sum).
 */
@ApplicationScoped
class WaitingMetrics {

    private final Pool database;
    private final Clock clock;
    private final MultiGauge waiting;
    private final MultiGauge overdue;
    private final RepeatingPass passes;

    WaitingMetrics(
            Pool database,
            Clock clock,
            MeterRegistry registry,
            QueueSettings settings,
            Vertx vertx) {
        this.database = database;
        this.clock = clock;
        this.waiting =
                MultiGauge.builder("conversation_waiting")
                        .description("Open conversations whose consumer awaits an answer")
                        .register(registry);
        this.overdue =
                MultiGauge.builder("conversation_overdue")
                        .description(
                                "Open conversations whose answer is past its response-time target")
                        .register(registry);
        this.passes = new RepeatingPass(vertx, settings.countEvery(), "Waiting count", this::count);
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
    }

    private Uni<Boolean> count() {
        return database.preparedQuery(
                        "SELECT brand_id, count(*) AS waiting, count(*) FILTER (WHERE"
                                + " response_due_at < $1) AS overdue FROM conversation WHERE"
                                + " status = 'OPEN' AND response_due_at IS NOT NULL GROUP BY"
                                + " brand_id")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))
                .map(
                        rows -> {
                            List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
                            List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
                            for (Row row : rows) {
                                Tags brand = Tags.of("brand", row.getString("brand_id"));
                                waitingRows.add(MultiGauge.Row.of(brand, row.getLong("waiting")));
                                overdueRows.add(MultiGauge.Row.of(brand, row.getLong("overdue")));
                            }
                            // A brand nobody waits for any more drops out of the counts.
                            waiting.register(waitingRows, true);
                            overdue.register(overdueRows, true);
                            return false;
                        });
    }
}
