package org.socialsuite.ingest.traffic;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * Each account's traffic as the inbound topic shows it: when its last event was written and how
 * many in the last minutes. Every replica reads the whole topic ({@link TrafficFeed}), so each
 * holds the same view whichever replica took the webhooks, and a restarted one reads it back.
 */
@ApplicationScoped
public class AccountTraffic {

    /** Events per minute are averaged over this many minutes. */
    static final int RATE_MINUTES = 15;

    static final String DEFAULT = "default";

    private final Map<String, Activity> accounts = new ConcurrentHashMap<>();
    private final AccountRegistry registry;
    private final TrafficConfig config;

    public AccountTraffic(AccountRegistry registry, TrafficConfig config) {
        this.registry = registry;
        this.config = config;
        if (!config.silence().containsKey(DEFAULT)) {
            throw new IllegalStateException(
                    "ingest.traffic.silence.default must be set: every account needs a window");
        }
    }

    /** An event of the account, written to the topic at that moment. */
    public void record(String accountId, Instant writtenAt) {
        accounts.computeIfAbsent(accountId, id -> new Activity()).add(writtenAt);
    }

    /** The connected accounts' traffic, and that of any other account the topic holds. */
    public List<State> now(Instant now) {
        TreeSet<String> ids = new TreeSet<>(accounts.keySet());
        registry.all().stream().map(ConnectedAccount::accountId).forEach(ids::add);
        List<State> states = new ArrayList<>();
        for (String id : ids) {
            states.add(state(id, now));
        }
        return states;
    }

    public State state(String accountId, Instant now) {
        Activity activity = accounts.get(accountId);
        Optional<Instant> last = activity == null ? Optional.empty() : activity.last();
        double perMinute = activity == null ? 0 : activity.perMinute(now);
        Duration window = window(accountId);
        boolean silent =
                last.map(
                                at -> {
                                    Duration quiet = Duration.between(at, now);
                                    // One that has not written within the look-back is not one
                                    // that normally receives traffic.
                                    return quiet.compareTo(window) > 0
                                            && quiet.compareTo(config.lookback()) <= 0;
                                })
                        .orElse(false);
        return new State(accountId, last, perMinute, window, silent);
    }

    private Duration window(String accountId) {
        return config.silence().getOrDefault(accountId, config.silence().get(DEFAULT));
    }

    /**
     * @param lastEventAt when its latest event was written, within the look-back
     * @param eventsPerMinute averaged over the last {@value #RATE_MINUTES} minutes
     * @param silent it normally receives traffic and has been silent longer than its window
     */
    public record State(
            String accountId,
            Optional<Instant> lastEventAt,
            double eventsPerMinute,
            Duration window,
            boolean silent) {}

    /** One account's events: the latest, and a count per minute of the last minutes. */
    private static final class Activity {

        private final long[] minutes = new long[RATE_MINUTES];
        private final long[] counts = new long[RATE_MINUTES];
        private long latest = Long.MIN_VALUE;

        synchronized void add(Instant at) {
            long millis = at.toEpochMilli();
            latest = Math.max(latest, millis);
            long minute = Math.floorDiv(millis, 60_000);
            int slot = (int) Math.floorMod(minute, RATE_MINUTES);
            if (minutes[slot] != minute) {
                if (minute < minutes[slot]) {
                    return; // older than the slot's minute: outside the rate's span
                }
                minutes[slot] = minute;
                counts[slot] = 0;
            }
            counts[slot]++;
        }

        synchronized Optional<Instant> last() {
            return latest == Long.MIN_VALUE
                    ? Optional.empty()
                    : Optional.of(Instant.ofEpochMilli(latest));
        }

        /** Over the last complete and current minutes of the span. */
        synchronized double perMinute(Instant now) {
            long current = Math.floorDiv(now.toEpochMilli(), 60_000);
            long total = 0;
            for (int i = 0; i < RATE_MINUTES; i++) {
                if (minutes[i] > current - RATE_MINUTES && minutes[i] <= current) {
                    total += counts[i];
                }
            }
            return (double) total / RATE_MINUTES;
        }
    }
}
