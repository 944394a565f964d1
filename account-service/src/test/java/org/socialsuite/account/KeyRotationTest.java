package org.socialsuite.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socialsuite.account.account.Accounts;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.AccountChangedDeserializer;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.support.credentials.CredentialVault;
import org.socialsuite.support.credentials.SealedCredential;
import org.socialsuite.support.security.DevelopmentValues;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * A new key-encryption key made current: what was sealed under the old one still opens, and the
 * pass run at start moves each credential under the new key without touching the secret.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.NewKeyCurrent.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "account_test"))
class KeyRotationTest {

    public static class NewKeyCurrent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "suite.credentials.keys.k2", "c2Vjb25kLWtleS1mb3ItdGhlLXJvdGF0aW9uLXRlc3Q=",
                    "suite.credentials.current-key", "k2");
        }
    }

    @Inject Accounts accounts;
    @Inject CredentialVault vault;

    @Test
    void credentialsUnderTheOldKeyAreRewrappedUnderTheNewOneAndAnnounced() throws Throwable {
        CredentialVault before =
                CredentialVault.of(
                        Map.of("dev1", DevelopmentValues.DEVELOPMENT_CREDENTIAL_KEY), "dev1");
        String id = "acme-facebook-9100000001";
        SealedCredential old = before.seal("EAAG-under-the-old-key", id);
        insert(id, old.toString());

        try (TopicWatcher<AccountChanged> announced =
                TopicWatcher.open(Topics.ACCOUNT, new AccountChangedDeserializer())) {
            assertThat(VertxContextSupport.subscribeAndAwait(accounts::rewrapAll)).isEqualTo(1);

            String stored = credential(id);
            assertThat(stored).startsWith("v1.k2.");
            assertThat(SealedCredential.parse(stored).ciphertext()).isEqualTo(old.ciphertext());
            assertThat(vault.open(SealedCredential.parse(stored), id))
                    .isEqualTo("EAAG-under-the-old-key");
            AccountChanged changed = announced.awaitRecord(a -> a.accountId().equals(id)).value();
            assertThat(changed.sealedCredential()).isEqualTo(stored);
        }
        // The seed loaded at start is sealed under the current key already; nothing is left.
        assertThat(credential("acme-facebook")).startsWith("v1.k2.");
        assertThat(VertxContextSupport.subscribeAndAwait(accounts::rewrapAll)).isZero();
    }

    private static Connection db() throws Exception {
        return PostgresServer.fromEnvironment(System.getenv()).connect("account_test");
    }

    private static void insert(String id, String credential) throws Exception {
        try (Connection db = db();
                PreparedStatement insert =
                        db.prepareStatement(
                                "INSERT INTO account (id, brand_id, channel, external_id,"
                                        + " display_name, page_name, receive_public,"
                                        + " receive_private, credential, connected_at, updated_at)"
                                        + " VALUES (?, 'acme', 'FACEBOOK', '9100000001', 'Old',"
                                        + " 'Old', true, true, ?, now(), now())")) {
            insert.setString(1, id);
            insert.setString(2, credential);
            insert.executeUpdate();
        }
    }

    private static String credential(String id) throws Exception {
        try (Connection db = db();
                PreparedStatement query =
                        db.prepareStatement("SELECT credential FROM account WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
