package org.socialsuite.support.api;

import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;

/** Query parameters read strictly: a value we do not know is a 400 that lists the ones we do. */
public final class QueryValues {

    private QueryValues() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
