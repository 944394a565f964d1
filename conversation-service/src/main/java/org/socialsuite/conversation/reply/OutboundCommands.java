package org.socialsuite.conversation.reply;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.events.Topics;
import org.socialsuite.support.outbox.Outbox;

/**
 * Commands for outbound-service, replies and moderations alike: written to the outbox in the
 * caller's transaction, keyed by conversation so one conversation's commands stay in order.
 */
@ApplicationScoped
public class OutboundCommands {

    private final Outbox outbox;

    public OutboundCommands(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The id is the delivery's idempotency key, end to end. */
    public static ReplyRequested command(
            String id,
            Conversation conversation,
            OutboundAction action,
            ReplyMode mode,
            String text,
            ReplyTarget target,
            String agentId,
            Instant requestedAt) {
        return new ReplyRequested(
                id,
                conversation.id.toString(),
                conversation.accountId,
                conversation.brandId,
                conversation.channel,
                mode,
                text,
                target,
                agentId,
                requestedAt,
                action);
    }

    public Uni<Void> send(ReplyRequested command) {
        return outbox.add(Topics.OUTBOUND_REQUESTED, command.conversationId(), command);
    }
}
