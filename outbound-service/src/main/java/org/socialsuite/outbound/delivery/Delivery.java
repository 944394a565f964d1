package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.socialsuite.events.Channel;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.support.tracing.StoredTrace;

/**
 * One command's delivery (a reply, or a moderation action), keyed by its replyId: a redelivered
 * command never reaches the network twice.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @Column(name = "reply_id")
    public String replyId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReplyMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboundAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState status;

    @Column(name = "platform_message_id")
    public String platformMessageId;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    public int attempts;

    /** The command as received (JSON), to send it again on a retry. */
    @Column(columnDefinition = "text")
    public String request;

    /** When a PENDING delivery is due. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /**
     * The moment the account's rate limit reserved a permit for it (its {@link #nextAttemptAt}
     * then); null when it holds none. Given up when it is claimed.
     */
    @Column(name = "permit_at")
    public Instant permitAt;

    /** Until when the replica sending it (SENDING) holds it; after that it died mid-call. */
    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    /** The replica that claimed it last ({@link ClaimOwner}). */
    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The reply's trace, for attempts made later by the scheduler; null where none. */
    @Column(name = "trace_parent")
    public String traceParent;

    static Delivery pending(ReplyRequested reply, Instant now) {
        Delivery delivery = new Delivery();
        delivery.replyId = reply.replyId();
        delivery.conversationId = reply.conversationId();
        delivery.accountId = reply.accountId();
        delivery.channel = reply.channel();
        delivery.mode = reply.mode();
        delivery.action = reply.action();
        delivery.status = DeliveryState.PENDING;
        delivery.request = new String(EventJson.write(reply), StandardCharsets.UTF_8);
        delivery.nextAttemptAt = now;
        delivery.requestedAt = reply.requestedAt();
        delivery.updatedAt = now;
        delivery.traceParent = StoredTrace.current();
        return delivery;
    }

    ReplyRequested command() {
        return EventJson.read(request.getBytes(StandardCharsets.UTF_8), ReplyRequested.class);
    }

    boolean dueAt(Instant now) {
        return status == DeliveryState.PENDING && !nextAttemptAt.isAfter(now);
    }
}
