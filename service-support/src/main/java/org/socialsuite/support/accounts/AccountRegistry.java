package org.socialsuite.support.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;
import org.socialsuite.events.Visibility;
import org.socialsuite.support.credentials.CredentialVault;
import org.socialsuite.support.credentials.SealedCredential;

/**
 * This replica's view of the connected accounts, kept by {@link AccountFeed} from the compacted
 * {@code social.account.v1}: looked up by our id or by the id on the network. Credentials stay
 * sealed here; {@link #accessToken} opens one when it is about to be used.
 */
@ApplicationScoped
public class AccountRegistry {

    /** An account as this view holds it: converted once per change, its credential still sealed. */
    private record Entry(ConnectedAccount account, String sealedCredential) {}

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Map<String, ConnectedAccount> byExternalKey = new ConcurrentHashMap<>();
    private final CredentialVault vault;
    private volatile Instant latestChange;

    public AccountRegistry(CredentialVault vault) {
        this.vault = vault;
    }

    public Optional<ConnectedAccount> byId(String accountId) {
        return Optional.ofNullable(byId.get(accountId)).map(Entry::account);
    }

    /** The account a webhook is for: Facebook {@code entry[].id}, Twitter {@code for_user_id}. */
    public Optional<ConnectedAccount> byExternalId(Channel channel, String externalId) {
        return Optional.ofNullable(
                byExternalKey.get(ConnectedAccount.externalKey(channel, externalId)));
    }

    public List<ConnectedAccount> all() {
        return byId.values().stream().map(Entry::account).toList();
    }

    /**
     * Whether the brand takes in items of this visibility from the account; an account this view
     * does not hold takes nothing.
     */
    public boolean receives(String accountId, Visibility visibility) {
        return byId(accountId)
                .map(
                        account ->
                                visibility == Visibility.PUBLIC
                                        ? account.receivePublic()
                                        : account.receivePrivate())
                .orElse(false);
    }

    public int size() {
        return byId.size();
    }

    /**
     * The time of the newest change this view holds: two replicas with the same count and the same
     * latest change have read the same topic.
     */
    public Optional<Instant> latestChange() {
        return Optional.ofNullable(latestChange);
    }

    /**
     * The account's sending credential, opened with this service's key-encryption keys; never log
     * it.
     *
     * @throws org.socialsuite.support.credentials.CredentialUnreadable when it was sealed under a
     *     key this service does not hold
     */
    public Optional<String> accessToken(String accountId) {
        return sealedCredential(accountId)
                .map(credential -> vault.open(SealedCredential.parse(credential), accountId));
    }

    /**
     * The account's credential as sealed, to tell whether it has changed since (a renewed token is
     * sealed anew); never opened here.
     */
    public Optional<String> sealedCredential(String accountId) {
        return Optional.ofNullable(byId.get(accountId)).map(Entry::sealedCredential);
    }

    /** An account as it now is, or gone ({@code changed} null: the tombstone of a disconnect). */
    synchronized void apply(String accountId, AccountChanged changed) {
        Entry previous =
                changed == null
                        ? byId.remove(accountId)
                        : byId.put(
                                accountId,
                                new Entry(
                                        ConnectedAccount.of(changed), changed.sealedCredential()));
        if (previous != null) {
            byExternalKey.remove(
                    ConnectedAccount.externalKey(
                            previous.account().channel(), previous.account().externalId()));
        }
        if (changed != null) {
            if (latestChange == null || changed.changedAt().isAfter(latestChange)) {
                latestChange = changed.changedAt();
            }
            byExternalKey.put(
                    ConnectedAccount.externalKey(changed.channel(), changed.externalId()),
                    byId.get(accountId).account());
        }
    }
}
