package org.socialsuite.profile.network;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Until when an account's look-ups wait, after its network answered 429; shared by replicas. */
@Entity
@Table(name = "upstream_pause")
public class UpstreamPause extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public String accountId;

    @Column(name = "paused_until", nullable = false)
    public Instant pausedUntil;
}
