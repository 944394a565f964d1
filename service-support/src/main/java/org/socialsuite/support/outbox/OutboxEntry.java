package org.socialsuite.support.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A record waiting to be published, written with the state change it announces. */
@Entity
@Table(name = "outbox")
public class OutboxEntry extends PanacheEntityBase {

    /**
     * From the table's sequence, a hundred at a time ({@code INCREMENT BY 100}): an identity id
     * would make every persist an INSERT of its own, where a batch of events wants one batched
     * INSERT at flush. Ids stay ascending within a transaction, which is the order the relay
     * publishes in.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_ids")
    @SequenceGenerator(name = "outbox_ids", sequenceName = "outbox_id_seq", allocationSize = 100)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
