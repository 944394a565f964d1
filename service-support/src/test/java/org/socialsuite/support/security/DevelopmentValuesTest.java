package org.socialsuite.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialsuite.events.Channel;
import org.socialsuite.support.accounts.configured.ConnectedAccountsConfig;
import org.socialsuite.support.security.DevelopmentValues.Refusal;

class DevelopmentValuesTest {

    private static final String REAL_KEY =
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAreal\n"
                    + "-----END PUBLIC KEY-----\n";

    /**
     * A production configuration that starts: real secrets, the provider's key, issuer, audience.
     */
    private final Map<String, String> config =
            new HashMap<>(
                    Map.of(
                            "social.facebook.app-secret", "s3cr3t-from-the-app-dashboard",
                            "social.facebook.verify-token", "another-real-value",
                            "social.twitter.consumer-secret", "consumer-secret-from-x",
                            "mp.jwt.verify.publickey.location", "https://login.example.com/keys",
                            "mp.jwt.verify.issuer", "https://login.example.com",
                            "mp.jwt.verify.audiences", "social-suite-agents"));

    private final Map<String, ConnectedAccountsConfig.Account> accounts =
            new HashMap<>(Map.of("acme-facebook", account("EAAB-real-page-token")));

    @Test
    void onlyExplicitDevelopmentProfilesAcceptDevelopmentValues() {
        assertThat(DevelopmentValues.isDevelopment(List.of("local"))).isTrue();
        assertThat(DevelopmentValues.isDevelopment(List.of("test"))).isTrue();
        assertThat(DevelopmentValues.isDevelopment(List.of("prod"))).isFalse();
        assertThat(DevelopmentValues.isDevelopment(List.of("staging"))).isFalse();
        assertThat(DevelopmentValues.isDevelopment(List.of())).isFalse();
    }

    @Test
    void thePublishedCredentialKeyIsRefusedUnderAnyIdAndARealOneIsNot() {
        assertThat(
                        DevelopmentValues.credentialKeyRefusals(
                                Map.of(
                                        "suite.credentials.keys.k2024",
                                        DevelopmentValues.DEVELOPMENT_CREDENTIAL_KEY,
                                        "suite.credentials.keys.k2025",
                                        "c2VjcmV0LWtleS1mcm9tLWEta3ViZXJuZXRlcy1zZWNyZXQ=")))
                .extracting(Refusal::variable)
                .containsExactly("SUITE_CREDENTIALS_KEYS_K2024");
    }

    @Test
    void aRealConfigurationStarts() {
        assertThat(refusals(true)).isEmpty();
    }

    @Test
    void demoWebhookSecretsAndPageTokensAreRefusedByTheirVariable() {
        config.put("social.twitter.consumer-secret", "dev-twitter-consumer-secret");
        accounts.put("globex-twitter", account("dev-globex-twitter-token"));

        assertThat(refusals(false))
                .extracting(Refusal::variable)
                .containsExactlyInAnyOrder(
                        "SOCIAL_TWITTER_CONSUMER_SECRET",
                        "SOCIAL_ACCOUNTS_GLOBEX_TWITTER_ACCESS_TOKEN");
    }

    @Test
    void noKeyNoIssuerOrNoAudienceIsRefusedWhereTokensAreChecked() {
        config.remove("mp.jwt.verify.publickey.location");
        config.remove("mp.jwt.verify.issuer");
        config.remove("mp.jwt.verify.audiences");

        assertThat(refusals(true))
                .extracting(Refusal::variable)
                .containsExactly(
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "MP_JWT_VERIFY_ISSUER",
                        "MP_JWT_VERIFY_AUDIENCES");
        assertThat(refusals(false)).isEmpty();
    }

    @Test
    void theDevelopmentKeyIsRefusedByNameByContentAndInline(@TempDir Path dir) throws Exception {
        config.put("mp.jwt.verify.publickey.location", "dev-keys/agent-jwt-public.pem");
        assertThat(refusals(true))
                .extracting(Refusal::reason)
                .anyMatch(r -> r.contains("development key"));

        Path copy = dir.resolve("innocent-name.pem");
        Files.writeString(copy, developmentKey());
        config.put("mp.jwt.verify.publickey.location", "file:" + copy);
        assertThat(refusals(true))
                .extracting(Refusal::property)
                .contains("mp.jwt.verify.publickey.location");
        config.put("mp.jwt.verify.publickey.location", copy.toString());
        assertThat(refusals(true))
                .extracting(Refusal::property)
                .contains("mp.jwt.verify.publickey.location");

        config.remove("mp.jwt.verify.publickey.location");
        config.put("mp.jwt.verify.publickey", developmentKey());
        assertThat(refusals(true))
                .extracting(Refusal::property)
                .contains("mp.jwt.verify.publickey");

        config.put("mp.jwt.verify.publickey", REAL_KEY);
        assertThat(refusals(true)).isEmpty();
    }

    @Test
    void theDevelopmentSignInAndItsKeyAreRefused() {
        config.put("workspace.dev-sign-in.enabled", "true");
        config.put("smallrye.jwt.sign.key.location", "dev-keys/agent-jwt-private.pem");

        assertThat(refusals(false))
                .extracting(Refusal::variable)
                .containsExactly("WORKSPACE_DEV_SIGN_IN_ENABLED", "SMALLRYE_JWT_SIGN_KEY_LOCATION");
    }

    @Test
    void theMessageNamesTheProfileAndWhatToSet() {
        config.put("social.facebook.app-secret", "dev-facebook-app-secret");

        assertThat(DevelopmentValues.explain(List.of("prod"), refusals(true)))
                .isEqualTo(
                        "Refusing to start in profile prod (development values are accepted only"
                                + " in dev, local, test): social.facebook.app-secret is a demo"
                                + " secret (set SOCIAL_FACEBOOK_APP_SECRET)");
    }

    private List<Refusal> refusals(boolean verifiesAgentTokens) {
        return DevelopmentValues.refusals(
                name -> Optional.ofNullable(config.get(name)), accounts, verifiesAgentTokens);
    }

    private static String developmentKey() throws Exception {
        try (var in =
                DevelopmentValuesTest.class
                        .getClassLoader()
                        .getResourceAsStream("dev-keys/agent-jwt-public.pem")) {
            return new String(in.readAllBytes());
        }
    }

    private static ConnectedAccountsConfig.Account account(String token) {
        return new ConnectedAccountsConfig.Account() {
            public String brandId() {
                return "acme";
            }

            public Channel channel() {
                return Channel.FACEBOOK;
            }

            public String externalId() {
                return "1000001";
            }

            public Optional<String> pageName() {
                return Optional.empty();
            }

            public Optional<String> handle() {
                return Optional.empty();
            }

            public String accessToken() {
                return token;
            }
        };
    }
}
