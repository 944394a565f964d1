package org.socialsuite.conversation.message;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** What a message said before an edit replaced it. */
@Entity
@Table(name = "message_version")
@IdClass(MessageVersion.Key.class)
public class MessageVersion extends PanacheEntityBase {

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Id
    @Column(name = "replaced_at")
    public Instant replacedAt;

    public String text;

    public static class Key implements Serializable {
        public UUID messageId;
        public Instant replacedAt;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && java.util.Objects.equals(messageId, key.messageId)
                    && java.util.Objects.equals(replacedAt, key.replacedAt);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(messageId, replacedAt);
        }
    }
}
