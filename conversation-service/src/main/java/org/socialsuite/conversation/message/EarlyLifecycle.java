package org.socialsuite.conversation.message;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.socialsuite.events.LifecycleAction;

/**
 * What the network said about an item before the item itself arrived: the networks do not promise
 * order across deliveries, and a removal or a hide that comes first must still apply when the
 * comment follows, or the agent would see (and might answer in public) what its author took back.
 */
@Entity
@Table(name = "early_lifecycle")
public class EarlyLifecycle extends PanacheEntityBase {

    /** {@code accountId|platformId}. */
    @Id public String id;

    @Column(nullable = false)
    public boolean deleted;

    /** The latest hide or unhide, null when there was none. */
    public Boolean hidden;

    @Column(name = "hidden_at")
    public Instant hiddenAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static String id(String accountId, String platformId) {
        return accountId + "|" + platformId;
    }

    public static EarlyLifecycle of(String accountId, String platformId, Instant now) {
        EarlyLifecycle early = new EarlyLifecycle();
        early.id = id(accountId, platformId);
        early.receivedAt = now;
        return early;
    }

    /** A removal is final; of hides and unhides the latest counts, whatever order they came in. */
    public void record(LifecycleAction action, Instant occurredAt) {
        switch (action) {
            case DELETED -> deleted = true;
            case HIDDEN, UNHIDDEN -> {
                if (hiddenAt == null || !occurredAt.isBefore(hiddenAt)) {
                    hidden = action == LifecycleAction.HIDDEN;
                    hiddenAt = occurredAt;
                }
            }
            default -> {
                // Creations and edits carry the item itself: they are stored, not remembered.
            }
        }
    }

    /** Applies what came early to the item now that it is here. */
    public void applyTo(Message message) {
        message.deleted = message.deleted || deleted;
        if (hidden != null) {
            message.hidden = hidden;
        }
    }
}
