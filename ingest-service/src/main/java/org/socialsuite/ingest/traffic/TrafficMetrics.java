package org.socialsuite.ingest.traffic;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each account's traffic as gauges, tagged by account id (ids come from the registry or the topic's
 * keys, which ingest itself wrote: never from a payload). Every replica reports the same view, so
 * the alert takes the maximum over replicas.
 */
@ApplicationScoped
public class TrafficMetrics {

    private static final Duration REGISTER_EVERY = Duration.ofSeconds(5);

    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final AccountTraffic traffic;
    private final MeterRegistry meters;
    private final Clock clock;

    public TrafficMetrics(AccountTraffic traffic, MeterRegistry meters, Clock clock) {
        this.traffic = traffic;
        this.meters = meters;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        registerNewAccounts();
        vertx.setPeriodic(REGISTER_EVERY.toMillis(), timer -> registerNewAccounts());
    }

    /** New accounts get their gauges; the gauges read the view as they are scraped. */
    void registerNewAccounts() {
        for (AccountTraffic.State state : traffic.now(clock.instant())) {
            String account = state.accountId();
            if (registered.add(account)) {
                Gauge.builder(
                                "social.ingest.account.last.event.timestamp",
                                () ->
                                        traffic.state(account, clock.instant())
                                                .lastEventAt()
                                                .map(at -> at.toEpochMilli() / 1000.0)
                                                .orElse(Double.NaN))
                        .tag("account", account)
                        .baseUnit("seconds")
                        .description("When the account's latest inbound event was written")
                        .register(meters);
                Gauge.builder(
                                "social.ingest.account.events.per.minute",
                                () -> traffic.state(account, clock.instant()).eventsPerMinute())
                        .tag("account", account)
                        .description("The account's inbound events per minute, last 15 minutes")
                        .register(meters);
                Gauge.builder(
                                "social.ingest.account.silent",
                                () -> traffic.state(account, clock.instant()).silent() ? 1 : 0)
                        .tag("account", account)
                        .description(
                                "1 when an account that receives traffic has been silent longer"
                                        + " than its window")
                        .register(meters);
                Gauge.builder(
                                "social.ingest.account.silence.window",
                                () -> traffic.state(account, clock.instant()).window().toSeconds())
                        .tag("account", account)
                        .baseUnit("seconds")
                        .description("How long the account may be silent before it is reported")
                        .register(meters);
            }
        }
    }
}
