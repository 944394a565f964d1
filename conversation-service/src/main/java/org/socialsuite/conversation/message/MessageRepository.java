package org.socialsuite.conversation.message;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    /** The transcript in the order things happened on the network. */
    public Uni<List<Message>> transcript(UUID conversationId) {
        return find("conversationId = ?1 order by occurredAt, id", conversationId).list();
    }
}
