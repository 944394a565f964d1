package org.socialsuite.insight.report;

import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, whole days in the reader's time zone (a supervisor in Berlin means
 * Berlin's Monday): from {@code from}'s midnight up to the midnight after {@code to}.
 */
public record Period(LocalDate from, LocalDate to, ZoneId zone) {

    /** A year and a day: a year's comparison, not the whole history in one answer. */
    static final int LONGEST_DAYS = 366;

    /** Without dates: the last two weeks, today included. */
    static final int DEFAULT_DAYS = 14;

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param zone an IANA zone ({@code Europe/Berlin}); a bare offset is refused, as PostgreSQL
     *     reads {@code +02:00} the POSIX way round
     */
    public static Period of(String from, String to, String zone, Clock clock) {
        ZoneId zoneId = zone(zone);
        LocalDate last =
                to == null || to.isBlank() ? LocalDate.now(clock.withZone(zoneId)) : date("to", to);
        LocalDate first =
                from == null || from.isBlank()
                        ? last.minusDays(DEFAULT_DAYS - 1)
                        : date("from", from);
        if (first.isAfter(last)) {
            throw new BadRequestException("from must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= LONGEST_DAYS) {
            throw new BadRequestException("A report covers " + LONGEST_DAYS + " days at most");
        }
        return new Period(first, last, zoneId);
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("UTC");
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new BadRequestException("zone must be an IANA time zone such as Europe/Berlin");
        }
        return ZoneId.of(zone);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date, 2026-11-30");
        }
    }
}
