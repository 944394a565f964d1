package org.socialsuite.ingest.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each account's traffic in the readiness answer, for the operator who asks why a page is quiet.
 * Always UP: a network that stops sending is not a reason to take this replica out of service (it
 * could take nothing in either way); the alert and the metric say it instead.
 */
@Readiness
@ApplicationScoped
public class TrafficHealth implements HealthCheck {

    private final AccountTraffic traffic;
    private final TrafficFeed feed;
    private final Clock clock;

    public TrafficHealth(AccountTraffic traffic, TrafficFeed feed, Clock clock) {
        this.traffic = traffic;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("account-traffic")
                        .up()
                        .withData("caughtUp", feed.caughtUp());
        for (AccountTraffic.State state : traffic.now(now)) {
            response.withData(state.accountId(), describe(state, now));
        }
        return response.build();
    }

    /** "SILENT: last event 2026-12-01T09:00:00Z (3h 10m ago, window 2h), 0.0/min". */
    static String describe(AccountTraffic.State state, Instant now) {
        String last =
                state.lastEventAt()
                        .map(
                                at ->
                                        "last event "
                                                + at
                                                + " ("
                                                + words(Duration.between(at, now))
                                                + " ago, window "
                                                + words(state.window())
                                                + ")")
                        .orElse("no event in the look-back");
        return (state.silent() ? "SILENT: " : "")
                + last
                + String.format(Locale.ROOT, ", %.1f/min", state.eventsPerMinute());
    }

    private static String words(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        return minutes % 60 == 0 ? hours + "h" : hours + "h " + (minutes % 60) + "m";
    }
}
