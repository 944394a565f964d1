package org.socialsuite.conversation.inbound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.socialsuite.support.background.RepeatingPass;

/**
 * Keeps the inbound bookkeeping bounded: the ids of applied events ({@code processed_event}, the
 * deduplication) and lifecycle actions still waiting for their item ({@code early_lifecycle}) are
 * deleted once older than {@code conversation.bookkeeping.keep-for}. That must outlast every way an
 * event can come again (the topic's retention, a network's retries of a delivery), or a late copy
 * would be applied twice. Any replica may purge: each chunk locks what it deletes and skips what
 * another replica holds.
 */
@ApplicationScoped
class BookkeepingPurge {

    private static final Logger LOG = Logger.getLogger(BookkeepingPurge.class);
    private static final int CHUNK = 5_000;

    @ConfigMapping(prefix = "conversation.bookkeeping")
    interface Settings {
        /** How long an applied event's id and an early lifecycle action are kept. */
        @WithDefault("P14D")
        Duration keepFor();

        /** How often each replica purges. */
        @WithDefault("PT10M")
        Duration purgeInterval();
    }

    private final Settings settings;
    private final RepeatingPass passes;
    private final Clock clock = Clock.systemUTC();

    BookkeepingPurge(Settings settings, Vertx vertx) {
        this.settings = settings;
        this.passes =
                new RepeatingPass(
                        vertx, settings.purgeInterval(), "Bookkeeping purge", this::purge);
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
    }

    /** One chunk of each table; more right away while a chunk came back full. */
    private Uni<Boolean> purge() {
        Instant before = clock.instant().minus(settings.keepFor());
        return delete("processed_event", "platform_event_id", "processed_at", before)
                .chain(
                        events ->
                                delete("early_lifecycle", "id", "received_at", before)
                                        .map(
                                                actions -> {
                                                    if (events + actions > 0) {
                                                        LOG.infof(
                                                                "Purged %d applied event ids and"
                                                                        + " %d early lifecycle"
                                                                        + " actions older than %s",
                                                                events, actions, before);
                                                    }
                                                    return events == CHUNK || actions == CHUNK;
                                                }));
    }

    private Uni<Integer> delete(String table, String key, String time, Instant before) {
        String sql =
                ("DELETE FROM %1$s WHERE %2$s IN (SELECT %2$s FROM %1$s WHERE %3$s < ?1 LIMIT %4$d"
                                + " FOR UPDATE SKIP LOCKED)")
                        .formatted(table, key, time, CHUNK);
        return Panache.withTransaction(
                () ->
                        Panache.getSession()
                                .chain(
                                        session ->
                                                session.createNativeQuery(sql)
                                                        .setParameter(1, before)
                                                        .executeUpdate()));
    }
}
