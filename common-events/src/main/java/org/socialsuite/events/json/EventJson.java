package org.socialsuite.events.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;

/**
 * The one JSON dialect of the topics: ISO-8601 instants, absent fields left out, and unknown fields
 * ignored so that a consumer keeps working when a producer adds one.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    // Registered after JavaTimeModule, so it takes precedence for Instant.
                    .addModule(
                            new SimpleModule("iso-instants")
                                    .addDeserializer(Instant.class, new IsoInstantDeserializer()))
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .build();

    private EventJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new EventFormatException(
                    "Cannot write " + event.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an event, failing with a message that names the type and the broken or missing field
     * rather than Jackson's internals.
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (ValueInstantiationException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new EventFormatException(
                    "Invalid " + type.getSimpleName() + ": " + reason.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(
                    "Unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new EventFormatException(
                    "Unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
