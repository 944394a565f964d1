package org.socialsuite.conversation.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
}
