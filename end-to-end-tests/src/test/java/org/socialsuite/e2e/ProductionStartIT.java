package org.socialsuite.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialsuite.localstack.FreePorts;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.TestKafka;

/**
 * Fails closed: the packaged services started in a profile that is not explicitly a development one
 * refuse the published development values and a missing agent-token key, naming the variables to
 * set, and start once real values are given.
 */
class ProductionStartIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Stand-ins for the values production takes from its Secrets. */
    private static final Map<String, String> REAL_SECRETS =
            Map.of(
                    "SOCIAL_FACEBOOK_APP_SECRET", "app-secret-from-the-dashboard",
                    "SOCIAL_FACEBOOK_VERIFY_TOKEN", "verify-token-of-this-deployment",
                    "SOCIAL_TWITTER_CONSUMER_SECRET", "consumer-secret-from-x",
                    "ACME_FACEBOOK_PAGE_TOKEN", "EAAB-acme-page",
                    "ACME_TWITTER_TOKEN", "acme-x-token",
                    "GLOBEX_FACEBOOK_PAGE_TOKEN", "EAAB-globex-page",
                    "GLOBEX_TWITTER_TOKEN", "globex-x-token");

    @TempDir Path logs;

    @Test
    void ingestInProdRefusesTheDemoSecrets() throws IOException {
        String log = refusal("ingest-service", "prod", Map.of());

        assertThat(log)
                .contains("Refusing to start in profile prod")
                .contains(
                        "social.facebook.app-secret is a demo secret (set"
                                + " SOCIAL_FACEBOOK_APP_SECRET)")
                .contains("(set SOCIAL_TWITTER_CONSUMER_SECRET)");
    }

    /**
     * The demo registry is account-service's seed now: it is the one that must refuse its tokens.
     */
    @Test
    void accountServiceInProdRefusesTheDemoRegistrysTokens() throws IOException {
        Map<String, String> environment =
                withDatabase(
                        Map.of(
                                "SOCIAL_APPS_FACEBOOK_APP_SECRET", "app-secret-from-the-dashboard",
                                "SOCIAL_APPS_X_CLIENT_SECRET", "client-secret-from-x"));

        assertThat(refusal("account-service", "prod", environment))
                .contains("Refusing to start in profile prod")
                .contains("social.accounts.acme-facebook.access-token is a demo page token");
    }

    @Test
    void aServiceThatChecksAgentTokensRefusesToStartWithoutAKeyIssuerAndAudience()
            throws IOException {
        String log = refusal("conversation-service", "staging", withDatabase(REAL_SECRETS));

        assertThat(log)
                .contains("Refusing to start in profile staging")
                .contains("(set MP_JWT_VERIFY_PUBLICKEY_LOCATION)")
                .contains("(set MP_JWT_VERIFY_ISSUER)")
                .contains("(set MP_JWT_VERIFY_AUDIENCES)")
                .doesNotContain("demo secret");
    }

    @Test
    void theDevelopmentKeyIsRefusedOutsideDevelopment() throws IOException {
        Map<String, String> environment = withDatabase(REAL_SECRETS);
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "dev-keys/agent-jwt-public.pem");
        environment.put("MP_JWT_VERIFY_ISSUER", "https://social-suite.dev/agents");
        environment.put("MP_JWT_VERIFY_AUDIENCES", "social-suite-agents");

        assertThat(refusal("conversation-service", "prod", environment))
                .contains(
                        "mp.jwt.verify.publickey.location is the published development key, whose"
                                + " private half anyone has");
    }

    @Test
    void theWorkspacesDevelopmentSignInIsRefusedOutsideDevelopment() throws IOException {
        Map<String, String> environment = new HashMap<>(REAL_SECRETS);
        environment.put("WORKSPACE_DEV_SIGN_IN_ENABLED", "true");

        assertThat(refusal("agent-workspace", "prod", environment))
                .contains("workspace.dev-sign-in.enabled mints tokens without a credential");
    }

    @Test
    void withRealValuesTheSameServiceStartsInProd() throws Exception {
        Path key = logs.resolve("identity-provider.pem");
        Files.writeString(key, publicKeyPem());
        Map<String, String> environment = withDatabase(REAL_SECRETS);
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", key.toString());
        environment.put("MP_JWT_VERIFY_ISSUER", "https://login.example.com");
        environment.put("MP_JWT_VERIFY_AUDIENCES", "social-suite-agents");

        ServiceProcess service = start("conversation-service", "prod", environment);
        try {
            await().atMost(Duration.ofSeconds(90))
                    .failFast("exited; see " + service.log(), () -> !service.isAlive())
                    .until(service::isReady);
        } finally {
            service.stop();
        }
    }

    /** Starts the service and returns its log once it has exited. */
    private String refusal(String name, String profile, Map<String, String> environment)
            throws IOException {
        ServiceProcess service = start(name, profile, environment);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !service.isAlive());
        } finally {
            service.stop();
        }
        return Files.readString(service.log());
    }

    private ServiceProcess start(String name, String profile, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("QUARKUS_PROFILE", profile);
        all.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        // Groups of their own: the end-to-end suite's services share this broker.
        for (String input :
                new String[] {"SOCIAL_INBOUND", "SOCIAL_PROFILE", "SOCIAL_OUTBOUND_RESULT"}) {
            all.put(
                    "MP_MESSAGING_INCOMING_" + input + "_GROUP_ID",
                    "prod-start-" + UUID.randomUUID());
        }
        return ServiceProcess.start(ROOT, name, FreePorts.next(), all, logs);
    }

    private static Map<String, String> withDatabase(Map<String, String> environment) {
        PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());
        postgres.recreateDatabase("e2e_prod_start");
        Map<String, String> all = new HashMap<>(environment);
        all.put(
                "QUARKUS_DATASOURCE_REACTIVE_URL",
                "postgresql://" + postgres.address() + "/e2e_prod_start");
        all.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("e2e_prod_start"));
        return all;
    }

    /** The identity provider's key: any key but the development one. */
    private static String publicKeyPem() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
