package org.socialsuite.conversation.brand;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.socialsuite.events.MessageKind;

/** One of the brand's own items, kept as context for the threads consumers write in. */
@Entity
@Table(name = "brand_item")
public class BrandItem extends PanacheEntityBase {

    @EmbeddedId public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    @Column(name = "consumer_id")
    public String consumerId;

    @Column(name = "author_name")
    public String authorName;

    public String text;

    @Column(name = "parent_platform_id")
    public String parentPlatformId;

    @Column(name = "root_platform_id")
    public String rootPlatformId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public boolean deleted;

    @Embeddable
    public record Key(
            @Column(name = "account_id") String accountId,
            @Column(name = "platform_id") String platformId)
            implements Serializable {}
}
