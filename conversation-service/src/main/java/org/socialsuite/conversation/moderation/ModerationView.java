package org.socialsuite.conversation.moderation;

import java.time.Instant;
import java.util.UUID;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.events.OutboundAction;

/**
 * What the transcript shows of the latest moderation of a message: who did what, and how it went.
 */
public record ModerationView(
        UUID id,
        OutboundAction action,
        DeliveryStatus status,
        String agentId,
        String failureReason,
        Instant requestedAt,
        Instant completedAt) {

    public static ModerationView of(Moderation m) {
        return m == null
                ? null
                : new ModerationView(
                        m.id,
                        m.action,
                        m.status,
                        m.agentId,
                        m.failureReason,
                        m.requestedAt,
                        m.completedAt);
    }
}
