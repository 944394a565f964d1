package org.socialsuite.support.accounts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the connected accounts come from, and how long a start waits for them. */
@ConfigMapping(prefix = "suite.accounts")
public interface AccountFeedConfig {

    @WithDefault("social.account.v1")
    String topic();

    /**
     * How long the start waits for the view to catch up with the topic; after that the service
     * starts anyway and is not ready until it has.
     */
    @WithDefault("PT30S")
    Duration startWait();
}
