package org.socialsuite.conversation.profile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.support.consumer.UntilApplied;

/**
 * Keeps consumers' display names current from profile-service: in their conversations and on their
 * messages' indicators. A field the update lacks leaves what we had. The database being away is
 * retried, never dead-lettered.
 */
@ApplicationScoped
public class ProfileUpdateConsumer {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final UntilApplied untilApplied;

    public ProfileUpdateConsumer(
            ConversationRepository conversations,
            MessageRepository messages,
            UntilApplied untilApplied) {
        this.conversations = conversations;
        this.messages = messages;
        this.untilApplied = untilApplied;
    }

    @Incoming("social-profile")
    public Uni<Void> consume(ConsumerProfileUpdated update) {
        return untilApplied.run(
                "Profile of " + update.channel() + ":" + update.consumerId(), () -> apply(update));
    }

    @WithTransaction
    Uni<Void> apply(ConsumerProfileUpdated update) {
        return remember(update)
                .chain(
                        () ->
                                conversations
                                        .update(
                                                "consumerName = coalesce(?1, consumerName),"
                                                    + " consumerHandle = coalesce(?2,"
                                                    + " consumerHandle) where accountId = ?3 and"
                                                    + " consumerId = ?4",
                                                update.name(),
                                                update.handle(),
                                                update.accountId(),
                                                update.consumerId())
                                        .chain(
                                                () ->
                                                        messages.update(
                                                                "authorName = coalesce(?1,"
                                                                    + " authorName) where accountId"
                                                                    + " = ?2 and authorId = ?3 and"
                                                                    + " direction = ?4",
                                                                update.name(),
                                                                update.accountId(),
                                                                update.consumerId(),
                                                                MessageDirection.INBOUND)))
                .replaceWithVoid();
    }

    /** For a conversation this consumer opens later: the update may come first. */
    private Uni<Integer> remember(ConsumerProfileUpdated update) {
        return Panache.getSession()
                .chain(
                        session ->
                                session.createNativeQuery(
                                                "INSERT INTO known_consumer (id, name, handle,"
                                                        + " updated_at) VALUES (?1, ?2, ?3, ?4)"
                                                        + " ON CONFLICT (id) DO UPDATE SET"
                                                        + " name = coalesce(excluded.name,"
                                                        + " known_consumer.name), handle ="
                                                        + " coalesce(excluded.handle,"
                                                        + " known_consumer.handle), updated_at ="
                                                        + " excluded.updated_at")
                                        .setParameter(
                                                1,
                                                KnownConsumer.id(
                                                        update.accountId(), update.consumerId()))
                                        .setParameter(2, update.name())
                                        .setParameter(3, update.handle())
                                        .setParameter(4, update.updatedAt())
                                        .executeUpdate());
    }
}
