package org.socialsuite.simulator.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A network's fixed-window quota per caller, as Twitter/X reports it in {@code x-rate-limit-*}
 * headers: so many calls per window, the count starting afresh at the reset time.
 */
public final class QuotaCounter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public QuotaCounter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a call, or throws the network's refusal when the quota is used up. */
    public Usage take(String caller, Supplier<? extends RuntimeException> refusal) {
        Instant now = clock.instant();
        Window current =
                windows.compute(
                        caller,
                        (key, w) ->
                                w == null || !now.isBefore(w.reset)
                                        ? new Window(now.plus(window), 0)
                                        : w);
        synchronized (current) {
            if (current.used >= limit) {
                throw refusal.get();
            }
            current.used++;
            return new Usage(limit, limit - current.used, current.reset);
        }
    }

    /** Where a caller stands, for the headers of a refusal. */
    public Usage usage(String caller) {
        Window current = windows.get(caller);
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.reset)) {
            return new Usage(limit, limit, now.plus(window));
        }
        synchronized (current) {
            return new Usage(limit, Math.max(0, limit - current.used), current.reset);
        }
    }

    public record Usage(int limit, int remaining, Instant reset) {}

    private static final class Window {
        final Instant reset;
        int used;

        Window(Instant reset, int used) {
            this.reset = reset;
            this.used = used;
        }
    }
}
