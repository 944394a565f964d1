package org.socialsuite.outbound.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code outbound.claim.*}: how long a replica may hold a delivery it is sending. */
@ConfigMapping(prefix = "outbound.claim")
public interface ClaimSettings {

    /**
     * How long a claim lasts. Longer than the slowest call can take (the REST clients' connect and
     * read timeouts, 2 s + 10 s) plus the two transactions around it, so only a dead replica's
     * claim ever expires.
     */
    @WithDefault("PT30S")
    Duration timeout();

    /** How often each replica looks for expired claims. */
    @WithDefault("PT5S")
    Duration sweepInterval();
}
