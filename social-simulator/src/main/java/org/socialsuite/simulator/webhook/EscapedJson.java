package org.socialsuite.simulator.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON as the networks send it: compact, with every non-ASCII character escaped as a lower-case
 * {@code \\uXXXX} (PLATFORMS.md), so signatures are computed over exactly those bytes.
 */
public final class EscapedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EscapedJson() {}

    public static String write(JsonNode node) {
        try {
            return escapeNonAscii(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unwritable webhook", e);
        }
    }

    /** Outside strings JSON is ASCII, so every non-ASCII character is inside one. */
    static String escapeNonAscii(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
