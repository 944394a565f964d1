package org.socialsuite.conversation.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Channel;

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
     * One page of a brand's conversations, newest activity first, starting after the cursor
     * position (keyset pagination: stable while new messages arrive).
     */
    public Uni<List<Conversation>> page(
            String brandId,
            ConversationStatus status,
            Channel channel,
            Instant afterUpdatedAt,
            UUID afterId,
            int limit) {
        StringBuilder query = new StringBuilder("brandId = :brandId");
        Parameters parameters = Parameters.with("brandId", brandId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (channel != null) {
            query.append(" and channel = :channel");
            parameters.and("channel", channel);
        }
        if (afterUpdatedAt != null) {
            query.append(
                    " and (updatedAt < :afterUpdatedAt or (updatedAt = :afterUpdatedAt and id <"
                            + " :afterId))");
            parameters.and("afterUpdatedAt", afterUpdatedAt).and("afterId", afterId);
        }
        query.append(" order by updatedAt desc, id desc");
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }
}
