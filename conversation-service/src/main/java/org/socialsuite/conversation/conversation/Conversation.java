package org.socialsuite.conversation.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.Channel;
import org.socialsuite.events.Visibility;

/**
 * Everything one consumer says to one account, public and private together, until closed. An update
 * writes only the columns it changed, so a batch adding a message never writes back a status an
 * agent changed meanwhile.
 */
@DynamicUpdate
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    @Id public UUID id;

    @Column(name = "brand_id", nullable = false)
    public String brandId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "consumer_id", nullable = false)
    public String consumerId;

    @Column(name = "consumer_name")
    public String consumerName;

    /** The consumer's @handle on Twitter/X, for the mention of a public reply. */
    @Column(name = "consumer_handle")
    public String consumerHandle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConversationStatus status;

    @Column(name = "last_message_text")
    public String lastMessageText;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_message_visibility")
    public Visibility lastMessageVisibility;

    @Column(name = "last_message_at")
    public Instant lastMessageAt;

    // The reply rules' facts, kept as the consumer's messages arrive rather than re-read from the
    // whole transcript at every reply (see heard).

    /** The visibility of the consumer's latest message: the reply toggle's default. */
    @Enumerated(EnumType.STRING)
    @Column(name = "last_inbound_visibility")
    public Visibility lastInboundVisibility;

    @Column(name = "last_inbound_at")
    public Instant lastInboundAt;

    /** When the consumer last wrote privately: opens the Messenger window. */
    @Column(name = "last_private_at")
    public Instant lastPrivateAt;

    /**
     * The consumer's latest public message that was not already removed when it arrived: what a
     * public reply or a private response answers. Removed later, it is looked up again (rare).
     */
    @Column(name = "last_public_message_id")
    public UUID lastPublicMessageId;

    @Column(name = "last_public_at")
    public Instant lastPublicAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    public static Conversation open(
            String brandId, String accountId, Channel channel, String consumerId, Instant now) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.brandId = brandId;
        conversation.accountId = accountId;
        conversation.channel = channel;
        conversation.consumerId = consumerId;
        conversation.status = ConversationStatus.OPEN;
        conversation.createdAt = now;
        conversation.updatedAt = now;
        return conversation;
    }

    /**
     * Takes one of the consumer's messages into the reply facts, whatever order messages arrive in:
     * the network's time decides, and of two messages of the same instant the later arrival wins,
     * as in the transcript.
     */
    public void heard(Message message) {
        if (notBefore(message.occurredAt, lastInboundAt)) {
            lastInboundAt = message.occurredAt;
            lastInboundVisibility = message.visibility;
        }
        if (message.visibility == Visibility.PRIVATE) {
            if (lastPrivateAt == null || message.occurredAt.isAfter(lastPrivateAt)) {
                lastPrivateAt = message.occurredAt;
            }
        } else if (!message.deleted && notBefore(message.occurredAt, lastPublicAt)) {
            lastPublicMessageId = message.id;
            lastPublicAt = message.occurredAt;
        }
    }

    private static boolean notBefore(Instant time, Instant latest) {
        return latest == null || !time.isBefore(latest);
    }

    public void close(Instant now) {
        status = ConversationStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
    }
}
