package org.socialsuite.support.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamptz} on the reactive SQL client, which binds and reads {@link
 * OffsetDateTime}; null stays null (a column not set yet).
 */
public final class SqlTimes {

    private SqlTimes() {}

    /** The instant as a parameter, in UTC. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The column's instant. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
