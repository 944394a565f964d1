package org.socialsuite.outbound.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;

/** One reply's delivery, keyed by its replyId: a redelivered command never sends twice. */
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
    public DeliveryState status;

    @Column(name = "platform_message_id")
    public String platformMessageId;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    public int attempts;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
