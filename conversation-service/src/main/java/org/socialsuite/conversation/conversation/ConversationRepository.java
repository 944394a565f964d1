package org.socialsuite.conversation.conversation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, UUID> {

    public Uni<Conversation> findOpen(String accountId, String consumerId) {
        return find(
                        "accountId = :accountId and consumerId = :consumerId and status = :open",
                        Parameters.with("accountId", accountId)
                                .and("consumerId", consumerId)
                                .and("open", ConversationStatus.OPEN))
                .firstResult();
    }

    /** A conversation of this brand, or a 404: another brand's conversation does not exist here. */
    public Uni<Conversation> requireForBrand(UUID id, String brandId) {
        return find("id = ?1 and brandId = ?2", id, brandId)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No conversation " + id));
    }

    /**
     * The same conversation, locked until the transaction ends: of two agents changing who owns it,
     * the second sees what the first did.
     */
    public Uni<Conversation> lockForBrand(UUID id, String brandId) {
        return find("id = ?1 and brandId = ?2", id, brandId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No conversation " + id));
    }

    /**
     * The brand's unassigned waiting conversation due soonest, locked; one another transaction
     * holds is skipped, so agents taking the next at the same moment each get a different one.
     */
    public Uni<Conversation> lockNextInQueue(String brandId) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "SELECT * FROM conversation WHERE brand_id = ?1"
                                                        + " AND status = 'OPEN' AND assignee_id IS"
                                                        + " NULL AND response_due_at IS NOT NULL"
                                                        + " ORDER BY response_due_at, id LIMIT 1"
                                                        + " FOR UPDATE SKIP LOCKED",
                                                Conversation.class)
                                        .setParameter(1, brandId)
                                        .getSingleResultOrNull());
    }

    /**
     * One page of the brand's conversations, starting after the cursor position (keyset pagination:
     * stable while new messages arrive).
     */
    public Uni<List<Conversation>> page(
            ConversationQuery list, ConversationCursor after, int limit) {
        StringBuilder query = new StringBuilder("brandId = :brandId");
        Parameters parameters = Parameters.with("brandId", list.brandId());
        if (list.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", list.status());
        }
        if (list.channel() != null) {
            query.append(" and channel = :channel");
            parameters.and("channel", list.channel());
        }
        switch (list.view()) {
            case MINE -> {
                query.append(" and assigneeId = :agentId");
                parameters.and("agentId", list.agentId());
            }
            case UNASSIGNED -> query.append(" and assigneeId is null");
            case ALL -> {}
        }
        String key = list.sort() == ConversationQuery.Sort.DUE ? "responseDueAt" : "updatedAt";
        // Due order: the soonest first; activity order: the latest first.
        String later = list.sort() == ConversationQuery.Sort.DUE ? ">" : "<";
        if (list.sort() == ConversationQuery.Sort.DUE) {
            query.append(" and responseDueAt is not null");
        }
        if (after != null) {
            query.append(
                    " and (%1$s %2$s :afterAt or (%1$s = :afterAt and id %2$s :afterId))"
                            .formatted(key, later));
            parameters.and("afterAt", after.at()).and("afterId", after.id());
        }
        String direction = list.sort() == ConversationQuery.Sort.DUE ? "asc" : "desc";
        query.append(" order by %1$s %2$s, id %2$s".formatted(key, direction));
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }
}
