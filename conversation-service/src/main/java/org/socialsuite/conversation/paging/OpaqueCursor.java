package org.socialsuite.conversation.paging;

import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A keyset position (a time and a tie-breaker) as an opaque string: clients hand it back and never
 * build one, so the keys can change without breaking them.
 */
public final class OpaqueCursor {

    private OpaqueCursor() {}

    public static String encode(Instant at, Object tieBreaker) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((at + "|" + tieBreaker).getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or a 400 for anything this service did not issue. */
    public static <T> T decode(String cursor, Position<T> position) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                            .split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return position.of(Instant.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestException("cursor is not one this service issued");
        }
    }

    /** Builds the position from its parts; may throw IllegalArgumentException for a bad part. */
    @FunctionalInterface
    public interface Position<T> {
        T of(Instant at, String tieBreaker);
    }
}
