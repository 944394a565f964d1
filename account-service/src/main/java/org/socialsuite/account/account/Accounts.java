package org.socialsuite.account.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.socialsuite.events.Topics;
import org.socialsuite.support.InOrder;
import org.socialsuite.support.credentials.CredentialVault;
import org.socialsuite.support.credentials.SealedCredential;
import org.socialsuite.support.outbox.Outbox;

/**
 * The connected accounts of each brand, the one place they change: each change is written with its
 * announcement on {@code social.account.v1} in one transaction, and the credential is sealed before
 * it is stored. A brand sees and changes only its own accounts; another brand's are not found.
 */
@ApplicationScoped
public class Accounts {

    private final CredentialVault vault;
    private final Outbox outbox;
    private final Clock clock;

    public Accounts(CredentialVault vault, Outbox outbox, Clock clock) {
        this.vault = vault;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Account>> ofBrand(String brandId) {
        return Account.list("brandId = ?1 order by id", brandId);
    }

    @WithSession
    public Uni<Account> get(String brandId, String id) {
        return find(brandId, id);
    }

    @WithTransaction
    public Uni<Account> connect(String brandId, ConnectAccount request) {
        AccountRules.check(request);
        return onNetwork(request)
                .chain(
                        existing -> {
                            if (existing != null) {
                                throw alreadyConnected(request);
                            }
                            return create(brandId, request).<Account>persist();
                        })
                .call(this::announce);
    }

    /**
     * A page or X account the brand's administrator has just logged in to and granted: connected if
     * it is new, its token renewed if the brand had it already (how an account needing
     * re-authorisation is mended), refused (409) if another brand has it.
     */
    @WithTransaction
    public Uni<Account> authorised(
            String brandId, ConnectAccount request, CredentialRenewal renewal) {
        AccountRules.check(request);
        return onNetwork(request)
                .chain(
                        existing -> {
                            if (existing == null) {
                                Account account = create(brandId, request);
                                renewable(account, renewal);
                                return account.<Account>persist();
                            }
                            if (!existing.brandId.equals(brandId)) {
                                throw alreadyConnected(request);
                            }
                            existing.credential =
                                    vault.seal(request.accessToken(), existing.id).toString();
                            renewable(existing, renewal);
                            existing.updatedAt = now();
                            return Uni.createFrom().item(existing);
                        })
                .call(this::announce);
    }

    /**
     * The credential the network renewed (X: a new access token and a new refresh token) stored and
     * announced, the renewal's claim released.
     */
    @WithTransaction
    public Uni<Account> renewed(String id, String accessToken, CredentialRenewal renewal) {
        return Account.<Account>findById(id)
                .onItem()
                .ifNotNull()
                .transformToUni(
                        account -> {
                            account.credential = vault.seal(accessToken, account.id).toString();
                            renewable(account, renewal);
                            account.renewalClaimedUntil = null;
                            account.updatedAt = now();
                            return announce(account).replaceWith(account);
                        });
    }

    /**
     * The network would not renew the credential (its refresh token was revoked): it stays as it is
     * until it expires, and an administrator connects the account again.
     */
    @WithTransaction
    public Uni<Void> notRenewable(String id) {
        return Account.update(
                        "refreshCredential = null, renewalClaimedUntil = null where id = ?1", id)
                .replaceWithVoid();
    }

    /** The account's refresh token, opened for its renewal; null if it has none (any more). */
    @WithSession
    public Uni<String> refreshToken(String id) {
        return Account.<Account>findById(id)
                .map(
                        account ->
                                account == null || account.refreshCredential == null
                                        ? null
                                        : vault.open(
                                                SealedCredential.parse(account.refreshCredential),
                                                account.id));
    }

    private void renewable(Account account, CredentialRenewal renewal) {
        account.refreshCredential =
                renewal.refreshToken() == null
                        ? null
                        : vault.seal(renewal.refreshToken(), account.id).toString();
        account.credentialExpiresAt = renewal.expiresAt();
    }

    @WithTransaction
    public Uni<Account> update(String brandId, String id, UpdateAccount request) {
        return find(brandId, id)
                .invoke(account -> AccountRules.check(account.channel, request))
                .invoke(
                        account -> {
                            if (request.displayName() != null) {
                                account.displayName = request.displayName();
                            }
                            if (request.pageName() != null) {
                                account.pageName = request.pageName();
                            }
                            if (request.handle() != null) {
                                account.handle = request.handle();
                            }
                            if (request.receivePublic() != null) {
                                account.receivePublic = request.receivePublic();
                            }
                            if (request.receivePrivate() != null) {
                                account.receivePrivate = request.receivePrivate();
                            }
                            if (request.accessToken() != null) {
                                account.credential =
                                        vault.seal(request.accessToken(), account.id).toString();
                            }
                            account.updatedAt = now();
                        })
                .call(this::announce);
    }

    /** Gone for every service: the account's key on the topic gets a tombstone. */
    @WithTransaction
    public Uni<Void> disconnect(String brandId, String id) {
        return find(brandId, id)
                .call(account -> account.delete())
                .call(account -> outbox.tombstone(Topics.ACCOUNT, account.id))
                .replaceWithVoid();
    }

    /**
     * Stores an account as the configured registry has it (the seed, not checked as an
     * administrator's request is) and announces it, unless its id is taken.
     */
    @WithTransaction
    public Uni<Boolean> seed(String id, String brandId, ConnectAccount configured) {
        return Account.<Account>findById(id)
                .chain(
                        existing ->
                                existing != null
                                        ? Uni.createFrom().item(false)
                                        : create(id, brandId, configured)
                                                .<Account>persist()
                                                .call(this::announce)
                                                .replaceWith(true));
    }

    /**
     * Every credential not yet under the current key-encryption key, rewrapped and announced: run
     * at start, so making a new key current and restarting moves every account to it. Replicas
     * doing it at once write the same thing.
     *
     * @return how many were rewrapped
     */
    @WithTransaction
    public Uni<Integer> rewrapAll() {
        // Chosen by the parsed key id: a LIKE on the text would read '_' in a key id as a wildcard.
        return Account.<Account>listAll()
                .map(
                        all ->
                                all.stream()
                                        .filter(
                                                account ->
                                                        !SealedCredential.parse(account.credential)
                                                                .keyId()
                                                                .equals(vault.currentKeyId()))
                                        .toList())
                .call(stale -> InOrder.each(stale, this::rewrap))
                .map(List::size);
    }

    /**
     * Every stored account announced again, as it stands: run at start, so a broker that lost
     * {@code social.account.v1} (a new cluster, a restore) learns the registry from its owner
     * instead of every webhook being dropped for an unknown account. Each row is read under a share
     * lock, so a change committing meanwhile is announced before this, never after it with an older
     * state.
     *
     * @return how many were announced
     */
    @WithTransaction
    public Uni<Integer> announceAll() {
        return Account.<Account>findAll()
                .withLock(LockModeType.PESSIMISTIC_READ)
                .list()
                .call(all -> InOrder.each(all, this::announce))
                .map(List::size);
    }

    private Uni<Void> rewrap(Account account) {
        account.credential = vault.rewrap(SealedCredential.parse(account.credential)).toString();
        if (account.refreshCredential != null) {
            account.refreshCredential =
                    vault.rewrap(SealedCredential.parse(account.refreshCredential)).toString();
        }
        account.updatedAt = now();
        return announce(account);
    }

    private static Uni<Account> onNetwork(ConnectAccount request) {
        return Account.<Account>find(
                        "channel = ?1 and externalId = ?2", request.channel(), request.externalId())
                .firstResult();
    }

    private static ClientErrorException alreadyConnected(ConnectAccount request) {
        return new ClientErrorException(
                "This " + request.channel() + " account is already connected",
                Response.Status.CONFLICT);
    }

    private Account create(String brandId, ConnectAccount request) {
        return create(
                Account.idOf(brandId, request.channel(), request.externalId()), brandId, request);
    }

    /** A new account as the request describes it, its token sealed for it. */
    private Account create(String id, String brandId, ConnectAccount request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Account account = new Account();
        account.id = id;
        account.brandId = brandId;
        account.channel = request.channel();
        account.externalId = request.externalId();
        account.displayName = request.displayName();
        account.pageName = request.pageName();
        account.handle = request.handle();
        account.receivePublic = !Boolean.FALSE.equals(request.receivePublic());
        account.receivePrivate = !Boolean.FALSE.equals(request.receivePrivate());
        account.credential = vault.seal(request.accessToken(), id).toString();
        account.connectedAt = now;
        account.updatedAt = now;
        return account;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Void> announce(Account account) {
        return outbox.add(Topics.ACCOUNT, account.id, account.changed());
    }

    private static Uni<Account> find(String brandId, String id) {
        return Account.<Account>findById(id)
                .map(
                        account -> {
                            if (account == null || !account.brandId.equals(brandId)) {
                                throw new NotFoundException("No connected account " + id);
                            }
                            return account;
                        });
    }
}
