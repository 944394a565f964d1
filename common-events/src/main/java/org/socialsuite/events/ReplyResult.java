package org.socialsuite.events;

import java.time.Instant;

/** How a reply delivery ended, on {@link Topics#OUTBOUND_RESULT}, keyed by conversation id. */
public record ReplyResult(
        String replyId,
        String conversationId,
        DeliveryOutcome status,
        String platformMessageId,
        String errorCode,
        String errorMessage,
        int attempts,
        Instant completedAt) {

    public ReplyResult {
        Require.text(replyId, "replyId");
        Require.text(conversationId, "conversationId");
        Require.present(status, "status");
        Require.present(completedAt, "completedAt");
        if (status == DeliveryOutcome.SENT) {
            Require.text(platformMessageId, "platformMessageId (of a SENT reply)");
        }
    }
}
