package org.socialsuite.support.accounts.configured;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;
import org.socialsuite.events.Channel;

/**
 * The registry of connected accounts, {@code social.accounts.<accountId>.*}. Locally it is the demo
 * registry in {@code demo-accounts.properties}; in production, a ConfigMap named by {@code
 * QUARKUS_CONFIG_LOCATIONS}, its tokens from a Secret.
 */
@ConfigMapping(prefix = "social")
public interface ConnectedAccountsConfig {

    Map<String, Account> accounts();

    interface Account {
        String brandId();

        Channel channel();

        /** The page id (Facebook) or numeric user id (Twitter/X) on the network. */
        String externalId();

        /** Facebook page name, for m.me links. */
        Optional<String> pageName();

        /** Twitter/X @handle, without the @. */
        Optional<String> handle();

        /** The sending credential: a page access token or a Twitter/X access token. */
        String accessToken();
    }
}
