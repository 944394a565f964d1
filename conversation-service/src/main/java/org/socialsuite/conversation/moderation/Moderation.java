package org.socialsuite.conversation.moderation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.events.OutboundAction;

/**
 * An agent's moderation of one consumer item: its id is the outbound command's, and its status
 * follows the command's result (PENDING, then SENT, FAILED or DELIVERY_UNKNOWN).
 */
@Entity
@Table(name = "moderation")
public class Moderation extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboundAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
