package org.socialsuite.conversation.conversation;

import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** Where a page of conversations ended: the last row's (updatedAt, id), opaque to clients. */
public record ConversationCursor(Instant updatedAt, UUID id) {

    public static ConversationCursor after(Conversation last) {
        return new ConversationCursor(last.updatedAt, last.id);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static ConversationCursor decode(String cursor) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                            .split("\\|");
            return new ConversationCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException
                | DateTimeParseException
                | ArrayIndexOutOfBoundsException e) {
            throw new BadRequestException("cursor is not one this service issued");
        }
    }
}
