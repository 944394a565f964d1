package org.socialsuite.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What an agent asks of the network, on {@link Topics#OUTBOUND_REQUESTED}, keyed by conversation
 * id: a reply, or a moderation action on a consumer's public item ({@code action}; absent in
 * commands written before moderation existed, which are replies). {@code replyId} is the
 * idempotency key of the delivery, whatever the action.
 *
 * @param text the reply's text; absent for moderation
 * @param target what the reply answers, or the item a moderation action is for ({@code platformId})
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
        Instant requestedAt,
        OutboundAction action) {

    public ReplyRequested {
        action = action == null ? OutboundAction.REPLY : action;
        Require.text(replyId, "replyId");
        Require.text(conversationId, "conversationId");
        Require.text(accountId, "accountId");
        Require.text(brandId, "brandId");
        Require.present(channel, "channel");
        Require.present(mode, "mode");
        if (action == OutboundAction.REPLY) {
            Require.text(text, "text");
        } else {
            Require.text(target == null ? null : target.platformId(), "target.platformId");
        }
        Require.present(target, "target");
        Require.text(agentId, "agentId");
        Require.present(requestedAt, "requestedAt");
    }

    /** A reply (the action is REPLY). */
    public ReplyRequested(
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
        this(
                replyId,
                conversationId,
                accountId,
                brandId,
                channel,
                mode,
                text,
                target,
                agentId,
                requestedAt,
                OutboundAction.REPLY);
    }

    @JsonIgnore
    public boolean isReply() {
        return action == OutboundAction.REPLY;
    }
}
