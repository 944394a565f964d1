package org.socialsuite.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialsuite.support.accounts.configured.ConnectedAccountsConfig;

/**
 * What only a development run may use, and the check a service makes of its configuration before it
 * serves anything elsewhere. Pure, so every case is tested without starting a service.
 */
public final class DevelopmentValues {

    /** Profiles that accept the published development values; any other profile refuses them. */
    public static final Set<String> DEVELOPMENT_PROFILES = Set.of("local", "dev", "test");

    /** The demo registry's published credentials (DESIGN.md §7). */
    public static final Set<String> DEMO_SECRETS =
            Set.of(
                    "dev-facebook-app-secret",
                    "dev-verify-token",
                    "dev-twitter-consumer-secret",
                    "dev-twitter-client-secret",
                    "dev-acme-page-token",
                    "dev-acme-twitter-token",
                    "dev-globex-page-token",
                    "dev-globex-twitter-token");

    /**
     * The development profiles' key-encryption key of the networks' credentials (account-service):
     * published in this repository, so it protects nothing.
     */
    public static final String DEVELOPMENT_CREDENTIAL_KEY =
            "ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=";

    static final String DEVELOPMENT_PUBLIC_KEY = "dev-keys/agent-jwt-public.pem";
    static final String DEVELOPMENT_PRIVATE_KEY = "dev-keys/agent-jwt-private.pem";

    /** The network apps' secrets: webhook signing (ingest) and the login flows (account). */
    private static final List<String> NETWORK_SECRETS =
            List.of(
                    "social.facebook.app-secret",
                    "social.facebook.verify-token",
                    "social.twitter.consumer-secret",
                    "social.apps.facebook.app-secret",
                    "social.apps.x.client-secret");

    private DevelopmentValues() {}

    /** A setting that keeps the service from starting, and why. */
    public record Refusal(String property, String reason) {

        /** The environment variable that sets the property (MicroProfile Config's mapping). */
        public String variable() {
            return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        }
    }

    public static boolean isDevelopment(List<String> activeProfiles) {
        return activeProfiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains);
    }

    /**
     * Whether this application verifies agent tokens: smallrye-jwt's verifier is on its class path
     * (the services behind the workspace), not only the token builder (the workspace itself).
     */
    public static boolean verifiesAgentTokens() {
        try {
            Class.forName(
                    "io.smallrye.jwt.auth.principal.JWTParser",
                    false,
                    DevelopmentValues.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public static List<Refusal> refusals(
            Function<String, Optional<String>> config,
            Map<String, ConnectedAccountsConfig.Account> accounts,
            boolean verifiesAgentTokens) {
        List<Refusal> refusals = new ArrayList<>();
        for (String name : NETWORK_SECRETS) {
            config.apply(name)
                    .filter(DEMO_SECRETS::contains)
                    .ifPresent(value -> refusals.add(new Refusal(name, "is a demo secret")));
        }
        accounts.forEach(
                (id, account) -> {
                    if (DEMO_SECRETS.contains(account.accessToken())) {
                        refusals.add(
                                new Refusal(
                                        "social.accounts." + id + ".access-token",
                                        "is a demo page token"));
                    }
                });
        if (verifiesAgentTokens) {
            refusals.addAll(agentTokenSettings(config));
        }
        if (config.apply("workspace.dev-sign-in.enabled")
                .map(Boolean::parseBoolean)
                .orElse(false)) {
            refusals.add(
                    new Refusal(
                            "workspace.dev-sign-in.enabled",
                            "mints tokens without a credential; sign agents in with the identity"
                                    + " provider"));
        }
        config.apply("smallrye.jwt.sign.key.location")
                .filter(location -> location.endsWith(DEVELOPMENT_PRIVATE_KEY))
                .ifPresent(
                        location ->
                                refusals.add(
                                        new Refusal(
                                                "smallrye.jwt.sign.key.location",
                                                "is the published development key")));
        return refusals;
    }

    /** A key-encryption key that is the published development key, wherever it is configured. */
    public static List<Refusal> credentialKeyRefusals(Map<String, String> keysByProperty) {
        return keysByProperty.entrySet().stream()
                .filter(key -> DEVELOPMENT_CREDENTIAL_KEY.equals(key.getValue().trim()))
                .map(key -> new Refusal(key.getKey(), "is the published development key"))
                .toList();
    }

    public static String explain(List<String> profiles, List<Refusal> refusals) {
        return "Refusing to start in profile "
                + String.join(",", profiles)
                + " (development values are accepted only in "
                + DEVELOPMENT_PROFILES.stream().sorted().collect(Collectors.joining(", "))
                + "): "
                + refusals.stream()
                        .map(r -> r.property() + " " + r.reason() + " (set " + r.variable() + ")")
                        .collect(Collectors.joining("; "));
    }

    private static List<Refusal> agentTokenSettings(Function<String, Optional<String>> config) {
        List<Refusal> refusals = new ArrayList<>();
        Optional<String> location = config.apply("mp.jwt.verify.publickey.location");
        Optional<String> inline = config.apply("mp.jwt.verify.publickey");
        if (location.isEmpty() && inline.isEmpty()) {
            refusals.add(
                    new Refusal(
                            "mp.jwt.verify.publickey.location",
                            "is not set: no key to check agent tokens with"));
        } else if (location.map(DevelopmentValues::isDevelopmentKey).orElse(false)
                || inline.map(DevelopmentValues::sameKey).orElse(false)) {
            refusals.add(
                    new Refusal(
                            location.isPresent()
                                    ? "mp.jwt.verify.publickey.location"
                                    : "mp.jwt.verify.publickey",
                            "is the published development key, whose private half anyone has"));
        }
        if (config.apply("mp.jwt.verify.issuer").isEmpty()) {
            refusals.add(new Refusal("mp.jwt.verify.issuer", "is not set"));
        }
        if (config.apply("mp.jwt.verify.audiences").isEmpty()) {
            refusals.add(new Refusal("mp.jwt.verify.audiences", "is not set"));
        }
        return refusals;
    }

    /** By name, or by content wherever the location can be read here (a file or the class path). */
    static boolean isDevelopmentKey(String location) {
        if (location.endsWith(DEVELOPMENT_PUBLIC_KEY)) {
            return true;
        }
        return read(location).map(DevelopmentValues::sameKey).orElse(false);
    }

    private static boolean sameKey(String pem) {
        return normalised(pem).equals(normalised(resource(DEVELOPMENT_PUBLIC_KEY).orElseThrow()));
    }

    private static String normalised(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    /** Where smallrye-jwt would look: the class path, then a file; a URL is the provider's own. */
    private static Optional<String> read(String location) {
        if (location.startsWith("classpath:")) {
            return resource(location.substring("classpath:".length()));
        }
        if (location.startsWith("file:")) {
            return file(Path.of(URI.create(location)));
        }
        if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return Optional.empty();
        }
        return resource(location).or(() -> file(Path.of(location)));
    }

    private static Optional<String> file(Path path) {
        try {
            return Files.isReadable(path)
                    ? Optional.of(Files.readString(path, StandardCharsets.US_ASCII))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = DevelopmentValues.class.getClassLoader().getResourceAsStream(name)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
