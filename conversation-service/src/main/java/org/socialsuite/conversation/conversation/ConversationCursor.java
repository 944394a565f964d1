package org.socialsuite.conversation.conversation;

import java.time.Instant;
import java.util.UUID;
import org.socialsuite.conversation.paging.OpaqueCursor;

/** Where a page of conversations ended: the last row's (updatedAt, id), opaque to clients. */
public record ConversationCursor(Instant updatedAt, UUID id) {

    public static ConversationCursor after(Conversation last) {
        return new ConversationCursor(last.updatedAt, last.id);
    }

    public String encode() {
        return OpaqueCursor.encode(updatedAt, id);
    }

    public static ConversationCursor decode(String cursor) {
        return OpaqueCursor.decode(
                cursor, (updatedAt, id) -> new ConversationCursor(updatedAt, UUID.fromString(id)));
    }
}
