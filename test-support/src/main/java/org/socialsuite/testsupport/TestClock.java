package org.socialsuite.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: it stands where a test puts it, so time rules (reply windows,
 * cache expiry) are judged against the events' own times instead of the day the build runs. It
 * replaces the {@link Clock} bean of every service whose tests use test-support.
 */
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
    private static volatile Instant now = START;

    public static void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Replaces the production clock bean. */
    public static class Producer {
        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return new TestClock();
        }
    }
}
