package org.socialsuite.conversation.queue;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.socialsuite.conversation.agent.AgentRoster;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.conversation.ConversationService;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.conversation.ConversationViews.Detail;
import org.socialsuite.conversation.outbox.ConversationEvents;

/**
 * Who owns a conversation. An agent may take one from the queue, give one they own (or one in the
 * queue) to a colleague, or put one they own back; a supervisor may do so with any. The row is
 * locked for the change, so of two agents acting at once the second sees the first's change and
 * gets a conflict naming who has the conversation. Each change is announced on {@code
 * social.conversation.v1} in its transaction.
 */
@ApplicationScoped
public class Assignments {

    /** Who asks: the agent, and whether they supervise the brand's agents. */
    public record Actor(String brandId, String agentId, boolean supervisor) {}

    private final ConversationRepository conversations;
    private final ConversationService views;
    private final ConversationEvents events;
    private final AgentRoster roster;
    private final Clock clock;

    public Assignments(
            ConversationRepository conversations,
            ConversationService views,
            ConversationEvents events,
            AgentRoster roster,
            Clock clock) {
        this.conversations = conversations;
        this.views = views;
        this.events = events;
        this.roster = roster;
        this.clock = clock;
    }

    /** The waiting conversation due soonest, now the actor's; null when nobody waits. */
    @WithTransaction
    public Uni<Detail> takeNext(Actor actor) {
        return conversations
                .lockNextInQueue(actor.brandId())
                .onItem()
                .ifNotNull()
                .transformToUni(
                        conversation ->
                                change(conversation, actor.agentId(), actor).chain(views::detail));
    }

    /** Assigns the conversation to {@code assigneeId}: a take when that is the actor. */
    @WithTransaction
    public Uni<Detail> assign(Actor actor, UUID id, String assigneeId) {
        if (assigneeId == null || assigneeId.isBlank()) {
            throw new BadRequestException("agentId is required");
        }
        Uni<Boolean> known =
                assigneeId.equals(actor.agentId())
                        ? Uni.createFrom().item(true)
                        : roster.knows(actor.brandId(), assigneeId);
        return known.chain(
                        yes -> {
                            if (!yes) {
                                throw new BadRequestException(
                                        "No agent "
                                                + assigneeId
                                                + " in this brand (an agent is known once they"
                                                + " have used the workspace)");
                            }
                            return conversations.lockForBrand(id, actor.brandId());
                        })
                .chain(conversation -> change(conversation, assigneeId, actor))
                .chain(views::detail);
    }

    /** Back to the brand's queue. */
    @WithTransaction
    public Uni<Detail> unassign(Actor actor, UUID id) {
        return conversations
                .lockForBrand(id, actor.brandId())
                .chain(conversation -> change(conversation, null, actor))
                .chain(views::detail);
    }

    private Uni<Conversation> change(Conversation conversation, String assigneeId, Actor actor) {
        if (conversation.status != ConversationStatus.OPEN) {
            throw AssignmentConflict.closed();
        }
        String previous = conversation.assigneeId;
        if (Objects.equals(previous, assigneeId)) {
            return Uni.createFrom().item(conversation);
        }
        if (previous != null && !previous.equals(actor.agentId()) && !actor.supervisor()) {
            throw AssignmentConflict.heldBy(previous);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (assigneeId == null) {
            conversation.unassign();
            return events.unassigned(conversation, previous, actor.agentId(), now)
                    .replaceWith(conversation);
        }
        conversation.assignTo(assigneeId, now);
        return events.assigned(conversation, previous, actor.agentId(), now)
                .replaceWith(conversation);
    }
}
