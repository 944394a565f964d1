package org.socialsuite.account.account;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.socialsuite.support.accounts.configured.ConfiguredAccounts;
import org.socialsuite.support.accounts.configured.ConnectedAccountsConfig;
import org.socialsuite.support.credentials.CredentialVault;

/**
 * The registry the suite was configured with before accounts became data ({@code
 * social.accounts.*}: the demo registry locally, a ConfigMap in production) is loaded at start,
 * each account once: an account already stored (connected since, or changed by an administrator) is
 * left as it is, so this is how a fresh {@code ./run.sh} shows the demo brands and how an existing
 * deployment migrates. Replicas starting together load it once between them. Then every stored
 * account is announced again ({@link Accounts#announceAll}): the topic is this service's to keep
 * whole.
 */
@ApplicationScoped
public class AccountsAtStart {

    private static final Logger LOG = Logger.getLogger(AccountsAtStart.class);

    private final Accounts accounts;
    private final ConnectedAccountsConfig registry;
    private final CredentialVault vault;

    public AccountsAtStart(
            Accounts accounts, ConnectedAccountsConfig registry, CredentialVault vault) {
        this.accounts = accounts;
        this.registry = registry;
        this.vault = vault;
    }

    void load(@Observes StartupEvent startup) throws Throwable {
        int loaded = 0;
        for (Map.Entry<String, ConnectedAccountsConfig.Account> entry :
                registry.accounts().entrySet()) {
            String id = entry.getKey();
            ConnectedAccountsConfig.Account configured = entry.getValue();
            if (VertxContextSupport.subscribeAndAwait(() -> seed(id, configured))) {
                loaded++;
            }
        }
        LOG.infof(
                "Connected accounts: %d of the configured registry's %d loaded, the rest already"
                        + " stored",
                loaded, registry.accounts().size());
        int rewrapped = VertxContextSupport.subscribeAndAwait(accounts::rewrapAll);
        if (rewrapped > 0) {
            LOG.infof(
                    "Credentials of %d accounts rewrapped under key-encryption key %s",
                    rewrapped, vault.currentKeyId());
        }
        int announced = VertxContextSupport.subscribeAndAwait(accounts::announceAll);
        LOG.infof("Connected accounts: all %d announced on social.account.v1", announced);
    }

    private Uni<Boolean> seed(String id, ConnectedAccountsConfig.Account configured) {
        // A replica starting beside this one may store it first, or an administrator connected the
        // page under another id: then it is simply there. Anything else fails the start.
        return accounts.seed(id, configured.brandId(), request(id, configured))
                .onFailure(AccountsAtStart::alreadyThere)
                .recoverWithItem(false);
    }

    /** A unique constraint refused the insert (SQLSTATE 23505). */
    private static boolean alreadyThere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException
                    || (cause instanceof PgException pg && "23505".equals(pg.getSqlState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The configured account as a connection, both switches on. */
    private static ConnectAccount request(String id, ConnectedAccountsConfig.Account configured) {
        return new ConnectAccount(
                configured.channel(),
                configured.externalId(),
                ConfiguredAccounts.displayName(id, configured),
                configured.pageName().orElse(null),
                configured.handle().orElse(null),
                true,
                true,
                configured.accessToken());
    }
}
