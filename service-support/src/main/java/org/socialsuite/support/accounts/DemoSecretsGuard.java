package org.socialsuite.support.accounts;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start the production profile with any of the demo registry's published values, so a
 * forgotten Secret fails loudly instead of running on credentials everyone knows.
 */
@Singleton
public class DemoSecretsGuard {

    static final Set<String> DEMO_VALUES =
            Set.of(
                    "dev-facebook-app-secret",
                    "dev-verify-token",
                    "dev-twitter-consumer-secret",
                    "dev-acme-page-token",
                    "dev-acme-twitter-token",
                    "dev-globex-page-token",
                    "dev-globex-twitter-token");

    void refuseDemoSecretsInProduction(
            @Observes StartupEvent startup, Config config, ConnectedAccountsConfig accounts) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> offending = new ArrayList<>();
        for (String name :
                List.of(
                        "social.facebook.app-secret",
                        "social.facebook.verify-token",
                        "social.twitter.consumer-secret")) {
            config.getOptionalValue(name, String.class)
                    .filter(DEMO_VALUES::contains)
                    .ifPresent(value -> offending.add(name));
        }
        accounts.accounts()
                .forEach(
                        (id, account) -> {
                            if (DEMO_VALUES.contains(account.accessToken())) {
                                offending.add("social.accounts." + id + ".access-token");
                            }
                        });
        if (!offending.isEmpty()) {
            throw new IllegalStateException(
                    "The prod profile refuses demo credentials; set real values for " + offending);
        }
    }
}
