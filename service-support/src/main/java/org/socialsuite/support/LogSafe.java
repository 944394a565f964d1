package org.socialsuite.support;

/**
 * Values from outside (payload ids, header values) made safe to log: control characters, which
 * could forge log lines, become {@code ?}, and length is bounded.
 */
public final class LogSafe {

    private static final int MAX_LENGTH = 80;

    private LogSafe() {}

    public static String value(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(raw.length(), MAX_LENGTH) + 1);
        raw.codePoints()
                .limit(MAX_LENGTH)
                .forEach(
                        c ->
                                safe.appendCodePoint(
                                        Character.isISOControl(c) || isFormat(c) ? '?' : c));
        return raw.codePointCount(0, raw.length()) > MAX_LENGTH
                ? safe.append('…').toString()
                : safe.toString();
    }

    /** Bidirectional overrides and other invisible format characters disguise what a line says. */
    private static boolean isFormat(int c) {
        return Character.getType(c) == Character.FORMAT;
    }
}
