package org.socialsuite.account.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;

/** A brand's connected page or X account; its credential only ever sealed. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id public String id;

    @Column(name = "brand_id", nullable = false)
    public String brandId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "page_name")
    public String pageName;

    public String handle;

    @Column(name = "receive_public", nullable = false)
    public boolean receivePublic;

    @Column(name = "receive_private", nullable = false)
    public boolean receivePrivate;

    /** A {@code SealedCredential}'s text. */
    @Column(nullable = false)
    public String credential;

    /**
     * The refresh token (X) as a {@code SealedCredential}'s text, when the credential expires and
     * the network lets it be renewed; null otherwise.
     */
    @Column(name = "refresh_credential")
    public String refreshCredential;

    /** When the credential expires; null if it does not. */
    @Column(name = "credential_expires_at")
    public Instant credentialExpiresAt;

    @Column(name = "renewal_claimed_until")
    public Instant renewalClaimedUntil;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Our id for an account: readable in logs and in conversation keys, and the same on a
     * reconnect.
     */
    static String idOf(String brandId, Channel channel, String externalId) {
        return brandId + "-" + channel.name().toLowerCase(java.util.Locale.ROOT) + "-" + externalId;
    }

    AccountChanged changed() {
        return new AccountChanged(
                id,
                brandId,
                channel,
                externalId,
                displayName,
                pageName,
                handle,
                receivePublic,
                receivePrivate,
                credential,
                updatedAt);
    }
}
