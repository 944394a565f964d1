package org.socialsuite.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading the networks' JSON: tolerant of what is unknown, strict about what we need. */
public final class WebhookJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookJson() {}

    /** The body as a JSON object; 400 for anything else, strictly valid UTF-8 included. */
    public static JsonNode read(byte[] body) {
        requireUtf8(body);
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw WebhookRejected.malformed("The body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Too deep, too long, or not JSON at all; the parser's own words stay here.
            throw WebhookRejected.malformed("The body is not valid JSON");
        } catch (IOException e) {
            throw WebhookRejected.malformed("The body cannot be read");
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259 §8.1). Jackson lets some invalid sequences through (overlong forms,
     * encoded surrogates), which would reach the transcript as garbage; the JDK's decoder does not.
     */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw WebhookRejected.malformed("The body is not valid UTF-8");
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
