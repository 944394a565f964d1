package org.socialsuite.conversation.message;

import java.time.Instant;
import org.socialsuite.conversation.paging.OpaqueCursor;

/**
 * Where a page of a transcript begins: its oldest message's (occurredAt, seq), opaque to clients.
 * The next page holds what came before it.
 */
public record TranscriptCursor(Instant occurredAt, long seq) {

    public static TranscriptCursor before(Message oldest) {
        return new TranscriptCursor(oldest.occurredAt, oldest.seq);
    }

    public String encode() {
        return OpaqueCursor.encode(occurredAt, seq);
    }

    public static TranscriptCursor decode(String cursor) {
        return OpaqueCursor.decode(
                cursor, (occurredAt, seq) -> new TranscriptCursor(occurredAt, Long.parseLong(seq)));
    }
}
