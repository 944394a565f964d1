package org.socialsuite.conversation.message;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Visibility;

/** One item of a transcript: a consumer's message, or an agent's reply. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id public UUID id;

    /** Arrival order, assigned by the database; breaks ties between messages of one instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    public String text;

    @Convert(converter = AttachmentsJson.class)
    @Column(nullable = false)
    public List<Attachment> attachments = List.of();

    @Column(name = "platform_id")
    public String platformId;

    @Column(name = "parent_platform_id")
    public String parentPlatformId;

    @Column(name = "root_platform_id")
    public String rootPlatformId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public boolean edited;
    public boolean deleted;
    public boolean hidden;

    /** For an agent's public reply or private response: the consumer's item it answers. */
    @Column(name = "answers_message_id")
    public UUID answersMessageId;

    /** The bulk reply it was sent in, if any (one per comment, ever). */
    @Column(name = "bulk_id")
    public UUID bulkId;

    /** The brand liked it, from the workspace. */
    public boolean liked;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    public DeliveryStatus deliveryStatus;

    @Column(name = "failure_reason")
    public String failureReason;

    /** How an agent's reply went out. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reply_mode")
    public ReplyMode replyMode;

    /** The comment, post, tweet or consumer an agent's reply answered. */
    @Column(name = "target_platform_id")
    public String targetPlatformId;

    /** Sent by the brand from the network's own tools, not through the workspace. */
    @Column(name = "sent_outside")
    public boolean sentOutside;

    /**
     * The kinds of personal data a consumer's public message shows everyone, found as it arrived or
     * was edited (privacy/PersonalDataScanner); empty for everything else.
     */
    @Convert(converter = PersonalDataColumn.class)
    @Column(name = "personal_data")
    public List<PersonalDataKind> personalData = List.of();

    /** The agent's Idempotency-Key: a double click sends once. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** A message as the network reported it, in the given direction, for a conversation. */
    public static Message fromNetwork(
            UUID conversationId, MessageDirection direction, SocialEventReceived event) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversationId;
        message.direction = direction;
        message.visibility = event.visibility();
        message.kind = event.kind();
        message.channel = event.channel();
        message.accountId = event.accountId();
        message.authorId = event.author().id();
        message.authorName = event.author().name();
        message.text = event.text();
        message.attachments = event.attachments();
        message.platformId = event.platformId();
        message.parentPlatformId = event.parentPlatformId();
        message.rootPlatformId = event.rootPlatformId();
        message.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        message.receivedAt = event.receivedAt().truncatedTo(ChronoUnit.MICROS);
        message.edited = event.action() == LifecycleAction.EDITED;
        return message;
    }
}
