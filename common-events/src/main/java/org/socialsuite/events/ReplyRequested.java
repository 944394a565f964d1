package org.socialsuite.events;

import java.time.Instant;

/**
 * An agent's reply to send, on {@link Topics#OUTBOUND_REQUESTED}, keyed by conversation id. {@code
 * replyId} is the idempotency key of the delivery.
 */
public record ReplyRequested(
        String replyId,
        String conversationId,
        String accountId,
        String brandId,
        Channel channel,
        ReplyMode mode,
        String text,
        ReplyTarget target,
        String agentId,
        Instant requestedAt) {

    public ReplyRequested {
        Require.text(replyId, "replyId");
        Require.text(conversationId, "conversationId");
        Require.text(accountId, "accountId");
        Require.text(brandId, "brandId");
        Require.present(channel, "channel");
        Require.present(mode, "mode");
        Require.text(text, "text");
        Require.present(target, "target");
        Require.text(agentId, "agentId");
        Require.present(requestedAt, "requestedAt");
    }
}
