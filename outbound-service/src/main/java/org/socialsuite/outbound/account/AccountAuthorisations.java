package org.socialsuite.outbound.account;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.background.RepeatingPass;

/**
 * The accounts whose token a network refused (Facebook code 190, Twitter/X 401): they need an
 * administrator to re-authorise them. Kept in the database so every replica sees the same flags,
 * and each replica keeps a copy refreshed every few seconds for its readiness answer and the gauge
 * {@code outbound.accounts.reauthorisation.needed}. A flag holds the sealed credential that was
 * refused: once an administrator renews the token it no longer applies, and a later successful send
 * deletes it.
 */
@ApplicationScoped
public class AccountAuthorisations {

    private static final Logger LOG = Logger.getLogger(AccountAuthorisations.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final Pool database;
    private final AccountRegistry accounts;
    private final RepeatingPass refresh;
    private volatile Map<String, Refusal> known = Map.of();

    public AccountAuthorisations(
            Pool database, AccountRegistry accounts, Vertx vertx, MeterRegistry meters) {
        this.database = database;
        this.accounts = accounts;
        this.refresh = new RepeatingPass(vertx, REFRESH, "Account authorisations", this::reload);
        meters.gauge(
                "outbound.accounts.reauthorisation.needed",
                Tags.empty(),
                this,
                flags -> flags.refused().size());
    }

    void start(@Observes StartupEvent startup) {
        refresh.start();
        refresh.wakeUp();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        refresh.stop();
    }

    /**
     * Flags the account, for every replica; a failure to write is logged, the send's outcome
     * stands.
     */
    public void needsReauthorisation(String accountId, String reason, Instant at) {
        String credential = accounts.sealedCredential(accountId).orElse("");
        Map<String, Refusal> updated = new HashMap<>(known);
        updated.put(accountId, new Refusal(reason, at, credential));
        known = Map.copyOf(updated);
        database.preparedQuery(
                        "INSERT INTO account_authorisation (account_id, refused_credential, reason,"
                                + " refused_at) VALUES ($1, $2, $3, $4) ON CONFLICT (account_id) DO"
                                + " UPDATE SET refused_credential = EXCLUDED.refused_credential,"
                                + " reason = EXCLUDED.reason, refused_at = EXCLUDED.refused_at")
                .execute(Tuple.of(accountId, credential, reason, at.atOffset(ZoneOffset.UTC)))
                .subscribe()
                .with(ok -> {}, failure -> unwritten(accountId, failure));
    }

    /** A send went through: the flag, where there is one, goes. */
    public void authorised(String accountId) {
        if (!known.containsKey(accountId)) {
            return;
        }
        Map<String, Refusal> updated = new HashMap<>(known);
        updated.remove(accountId);
        known = Map.copyOf(updated);
        database.preparedQuery("DELETE FROM account_authorisation WHERE account_id = $1")
                .execute(Tuple.of(accountId))
                .subscribe()
                .with(ok -> {}, failure -> unwritten(accountId, failure));
    }

    /**
     * The flags that still apply (the refused credential is the account's current one), sorted by
     * account id.
     */
    public Map<String, Refusal> refused() {
        Map<String, Refusal> applying = new TreeMap<>();
        known.forEach(
                (accountId, refusal) -> {
                    if (Objects.equals(
                            accounts.sealedCredential(accountId).orElse(null),
                            refusal.credential())) {
                        applying.put(accountId, refusal);
                    }
                });
        return applying;
    }

    private Uni<Boolean> reload() {
        return database.query(
                        "SELECT account_id, refused_credential, reason, refused_at FROM"
                                + " account_authorisation")
                .execute()
                .map(
                        rows -> {
                            Map<String, Refusal> loaded = new HashMap<>();
                            for (Row row : rows) {
                                loaded.put(
                                        row.getString("account_id"),
                                        new Refusal(
                                                row.getString("reason"),
                                                row.getOffsetDateTime("refused_at").toInstant(),
                                                row.getString("refused_credential")));
                            }
                            known = Map.copyOf(loaded);
                            return false;
                        });
    }

    private static void unwritten(String accountId, Throwable failure) {
        LOG.warnf(
                "The re-authorisation flag of %s was not written (%s); the next refusal or send"
                        + " writes it",
                accountId, failure.toString());
    }

    /** The credential is the sealed one that was refused: it opens nothing on its own. */
    public record Refusal(String reason, Instant at, String credential) {}
}
