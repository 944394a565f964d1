package org.socialsuite.support.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.socialsuite.support.accounts.configured.ConnectedAccountsConfig;

/**
 * Fails closed: outside the development profiles ({@code local}, {@code dev}, {@code test}, which
 * must be chosen explicitly), a service refuses to start with any published development value (the
 * demo webhook secrets and page tokens, the development key, the development sign-in) or without
 * the settings agent tokens are checked with, or with the published key-encryption key of the
 * networks' credentials. The exception names the variables to set.
 */
@Singleton
public class DevelopmentOnlyGuard {

    private static final Logger LOG = Logger.getLogger(DevelopmentOnlyGuard.class);

    void refuseDevelopmentValues(
            @Observes @Priority(1) StartupEvent startup,
            Config config,
            ConnectedAccountsConfig accounts) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (DevelopmentValues.isDevelopment(profiles)) {
            return;
        }
        List<DevelopmentValues.Refusal> refusals =
                new ArrayList<>(
                        DevelopmentValues.refusals(
                                name -> config.getOptionalValue(name, String.class),
                                accounts.accounts(),
                                DevelopmentValues.verifiesAgentTokens()));
        Map<String, String> credentialKeys = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("suite.credentials.keys.")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> credentialKeys.put(name, value));
            }
        }
        refusals.addAll(DevelopmentValues.credentialKeyRefusals(credentialKeys));
        if (!refusals.isEmpty()) {
            String message = DevelopmentValues.explain(profiles, refusals);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }
}
