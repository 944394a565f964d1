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
import org.socialsuite.conversation.queue.ResponseTarget;
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

    // The queue: who owns the conversation, and whether the consumer is waiting for an answer.

    /** The agent who owns the conversation; null while it waits in its brand's queue. */
    @Column(name = "assignee_id")
    public String assigneeId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** When the consumer's unanswered message was written; null while nothing awaits an answer. */
    @Column(name = "waiting_since")
    public Instant waitingSince;

    /** When the awaited answer is due by the brand's response-time target. */
    @Column(name = "response_due_at")
    public Instant responseDueAt;

    /** When an agent first answered: later waits are due by the next-response target. */
    @Column(name = "first_response_at")
    public Instant firstResponseAt;

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

    /**
     * The consumer wrote at {@code since}: unless an answer is already awaited, the wait begins,
     * due by the first-response target until an agent has answered once, then by the next one.
     */
    public void awaitResponse(Instant since, ResponseTarget target) {
        if (waitingSince == null) {
            waitingSince = since;
            responseDueAt = since.plus(firstResponseAt == null ? target.first() : target.next());
        }
    }

    /**
     * The brand answered at {@code at} (an agent's reply, or one sent from the network's own
     * tools): what was awaited is answered, unless the consumer wrote again after that answer.
     */
    public void responded(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
        if (waitingSince != null && !at.isBefore(waitingSince)) {
            waitingSince = null;
            responseDueAt = null;
        }
    }

    /** Whether the awaited answer is late at {@code now}. */
    public boolean overdue(Instant now) {
        return responseDueAt != null && now.isAfter(responseDueAt);
    }

    public void assignTo(String agentId, Instant now) {
        assigneeId = agentId;
        assignedAt = now;
    }

    public void unassign() {
        assigneeId = null;
        assignedAt = null;
    }

    /** Nothing is awaited from a closed conversation; its assignee stays, as who handled it. */
    public void close(Instant now) {
        status = ConversationStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
        waitingSince = null;
        responseDueAt = null;
    }

    /** The consumer wrote again into the closed conversation: back in the queue. */
    public void reopen(Instant now) {
        status = ConversationStatus.OPEN;
        closedAt = null;
        updatedAt = now;
        unassign();
    }
}
