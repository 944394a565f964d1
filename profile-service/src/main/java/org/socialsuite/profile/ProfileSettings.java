package org.socialsuite.profile;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code profile.*}: how long fetched knowledge stays fresh, and how far threads are climbed. */
@ConfigMapping(prefix = "profile")
public interface ProfileSettings {

    /** A profile older than this is fetched again (Facebook's picture URLs expire, too). */
    @WithDefault("PT24H")
    Duration cacheTtl();

    /** The most posts a thread shows, the consumer's own included. */
    @WithDefault("10")
    int threadMaxDepth();

    /**
     * How long a person the network said it does not know is not asked about again: a Messenger
     * consumer's every message would otherwise cost a refused look-up.
     */
    @WithDefault("PT1H")
    Duration notFoundTtl();

    /**
     * How long a replica may hold a profile's fetch while the others wait for it: longer than the
     * slowest call (the REST clients' connect and read timeouts, 2 s + 5 s).
     */
    @WithDefault("PT10S")
    Duration fetchClaim();

    /** How long a network is left alone after a 429 that named no reset time. */
    @WithDefault("PT1M")
    Duration rateLimitPause();
}
