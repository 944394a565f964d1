package org.socialsuite.conversation.conversation;

import java.time.Instant;
import java.util.UUID;
import org.socialsuite.conversation.paging.OpaqueCursor;

/**
 * Where a page of conversations ended: the last row's sort key and id, opaque to clients; the key
 * is {@code updatedAt} in activity order, {@code responseDueAt} in due order.
 */
public record ConversationCursor(Instant at, UUID id) {

    public static ConversationCursor after(Conversation last, ConversationQuery.Sort sort) {
        return new ConversationCursor(
                sort == ConversationQuery.Sort.DUE ? last.responseDueAt : last.updatedAt, last.id);
    }

    public String encode() {
        return OpaqueCursor.encode(at, id);
    }

    public static ConversationCursor decode(String cursor) {
        return OpaqueCursor.decode(
                cursor, (at, id) -> new ConversationCursor(at, UUID.fromString(id)));
    }
}
