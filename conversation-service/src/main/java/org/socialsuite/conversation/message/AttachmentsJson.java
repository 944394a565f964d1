package org.socialsuite.conversation.message;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.json.EventJson;

/**
 * Attachments as a JSON text column, in the contracts' own JSON. (The reactive driver reads a jsonb
 * array as an object, so the column is text; it is displayed, never queried.)
 */
@Converter
public class AttachmentsJson implements AttributeConverter<List<Attachment>, String> {

    private static final TypeReference<List<Attachment>> TYPE = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(List<Attachment> attachments) {
        try {
            return EventJson.mapper()
                    .writeValueAsString(attachments == null ? List.of() : attachments);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write attachments", e);
        }
    }

    @Override
    public List<Attachment> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : EventJson.mapper().readValue(json, TYPE);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored attachments are not JSON", e);
        }
    }
}
