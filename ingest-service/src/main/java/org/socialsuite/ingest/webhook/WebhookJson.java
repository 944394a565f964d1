package org.socialsuite.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading the networks' JSON: tolerant of what is unknown, strict about what we need. */
public final class WebhookJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookJson() {}

    public static JsonNode read(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw WebhookRejected.malformed("The body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw WebhookRejected.malformed(
                    "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejected.malformed("The body cannot be read: " + e.getMessage());
        }
    }

    /** A text field, or null when absent, null or empty. */
    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? value.asText()
                : null;
    }

    /** A number field, or null when absent or not a number ("12" counts: some senders quote). */
    public static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
