package org.socialsuite.account.connect;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.socialsuite.account.account.Accounts;
import org.socialsuite.support.InOrder;
import org.socialsuite.support.background.RepeatingPass;

/**
 * Keeps X accounts connected: their OAuth 2.0 access tokens last two hours, so a while before one
 * expires it is renewed with the account's refresh token, stored sealed and announced, and outbound
 * and profile send with the new one. X rotates the refresh token on every use, so each account is
 * claimed by one replica for its renewal (a claim that lapses if the replica dies). A refresh token
 * X refuses is dropped: the account keeps working until its token expires, then outbound flags it
 * for re-authorisation and an administrator connects it again.
 */
@ApplicationScoped
public class XCredentialRenewals {

    private static final Logger LOG = Logger.getLogger(XCredentialRenewals.class);
    private static final int BATCH = 10;
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final Pool database;
    private final Accounts accounts;
    private final Connections connections;
    private final NetworkApps apps;
    private final Clock clock;
    private final RepeatingPass passes;

    public XCredentialRenewals(
            Pool database,
            Accounts accounts,
            Connections connections,
            NetworkApps apps,
            Clock clock,
            Vertx vertx) {
        this.database = database;
        this.accounts = accounts;
        this.connections = connections;
        this.apps = apps;
        this.clock = clock;
        this.passes =
                new RepeatingPass(
                        vertx, apps.x().renewalPeriod(), "X credential renewals", this::renewDue);
    }

    void start(@Observes StartupEvent startup) {
        passes.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        passes.stop();
    }

    /**
     * @return whether a whole batch was due, so there may be more
     */
    Uni<Boolean> renewDue() {
        Instant now = clock.instant();
        return claimDue(now)
                .chain(ids -> InOrder.each(ids, this::renew).replaceWith(ids.size() == BATCH));
    }

    private Uni<List<String>> claimDue(Instant now) {
        return database.preparedQuery(
                        "UPDATE account SET renewal_claimed_until = $1 WHERE id IN (SELECT id FROM"
                                + " account WHERE refresh_credential IS NOT NULL AND"
                                + " credential_expires_at < $2 AND (renewal_claimed_until IS NULL"
                                + " OR renewal_claimed_until < $3) ORDER BY credential_expires_at"
                                + " LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING id")
                .execute(
                        Tuple.of(
                                now.plus(CLAIM).atOffset(ZoneOffset.UTC),
                                now.plus(apps.x().renewAhead()).atOffset(ZoneOffset.UTC),
                                now.atOffset(ZoneOffset.UTC),
                                BATCH))
                .map(
                        rows -> {
                            List<String> ids = new ArrayList<>();
                            for (Row row : rows) {
                                ids.add(row.getString("id"));
                            }
                            return ids;
                        });
    }

    private Uni<Void> renew(String id) {
        Instant asked = clock.instant();
        return accounts.refreshToken(id)
                .onItem()
                .ifNotNull()
                .transformToUni(
                        refreshToken ->
                                connections
                                        .renewX(refreshToken)
                                        .chain(
                                                token ->
                                                        accounts.renewed(
                                                                id,
                                                                token.accessToken(),
                                                                Connections.renewal(token, asked)))
                                        .onItem()
                                        .ifNotNull()
                                        .invoke(
                                                renewed ->
                                                        LOG.infof(
                                                                "Credential of %s renewed, until"
                                                                        + " %s",
                                                                id, renewed.credentialExpiresAt)))
                .replaceWithVoid()
                .onFailure(XCredentialRenewals::refusedByX)
                .recoverWithUni(
                        refused -> {
                            LOG.warnf(
                                    "X would not renew the credential of %s (HTTP %d): it stays"
                                            + " until it expires, then needs re-authorisation",
                                    id,
                                    ((WebApplicationException) refused).getResponse().getStatus());
                            return accounts.notRenewable(id);
                        })
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            // Away, or busy: the claim lapses and a later pass tries again.
                            LOG.warnf(
                                    "Credential of %s not renewed yet: %s", id, failure.toString());
                            return Uni.createFrom().voidItem();
                        });
    }

    private static boolean refusedByX(Throwable failure) {
        return failure instanceof WebApplicationException answered
                && answered.getResponse() != null
                && answered.getResponse().getStatus() >= 400
                && answered.getResponse().getStatus() < 500
                && answered.getResponse().getStatus() != 429;
    }
}
