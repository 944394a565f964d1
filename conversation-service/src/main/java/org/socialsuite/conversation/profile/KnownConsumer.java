package org.socialsuite.conversation.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.socialsuite.events.SocialEventReceived;

/**
 * A consumer's name and handle as profile-service last announced them, kept so that a conversation
 * opened after the announcement (the topics do not keep order between them) still shows the name.
 */
@Entity
@Table(name = "known_consumer")
public class KnownConsumer extends PanacheEntityBase {

    /** {@code accountId|consumerId}. */
    @Id public String id;

    public String name;

    public String handle;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static String id(String accountId, String consumerId) {
        return accountId + "|" + consumerId;
    }

    /** Whom to look up for these events: the authors of those that do not name them (Messenger). */
    public static List<String> idsOfUnnamedAuthors(List<SocialEventReceived> events) {
        return events.stream()
                .filter(event -> event.author().name() == null)
                .map(event -> id(event.accountId(), event.conversationKey().consumerId()))
                .distinct()
                .toList();
    }
}
