package org.socialsuite.outbound.ratelimit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One account's bucket for one endpoint, as every replica sees it. */
@Entity
@Table(name = "rate_bucket")
class RateBucket extends PanacheEntityBase {

    /** {@code accountId/endpoint}. */
    @Id public String key;

    @Column(nullable = false)
    public double tokens;

    @Column(name = "refilled_at", nullable = false)
    public Instant refilledAt;

    @Column(name = "closed_until")
    public Instant closedUntil;
}
