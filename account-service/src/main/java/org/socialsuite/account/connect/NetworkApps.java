package org.socialsuite.account.connect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The suite's apps on the networks, which administrators log in to: ids and secrets from a Secret
 * in production, and where the networks' login pages are (the workspace sends the administrator
 * there).
 */
@ConfigMapping(prefix = "social.apps")
public interface NetworkApps {

    Facebook facebook();

    X x();

    interface Facebook {
        String appId();

        String appSecret();

        /** Facebook Login's dialog, {@code https://www.facebook.com/v21.0/dialog/oauth}. */
        String loginUrl();

        /** What the app asks of the page: read and answer messages and comments, get webhooks. */
        String scope();
    }

    interface X {
        String clientId();

        String clientSecret();

        /** X's consent page, {@code https://x.com/i/oauth2/authorize}. */
        String authorizeUrl();

        String scope();

        /** The app's Account Activity webhook, which each connected account is subscribed to. */
        String webhookId();

        /** How long before an access token expires it is renewed with its refresh token. */
        @WithDefault("PT15M")
        Duration renewAhead();

        /** How often a replica looks for tokens due for renewal. */
        @WithDefault("PT1M")
        Duration renewalPeriod();
    }
}
