package org.socialsuite.outbound.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * {@code outbound.rate-limit.<endpoint>.permits} sends per {@code .period}, per account. Defaults
 * are the networks' published quotas; an endpoint without an entry is not limited here.
 */
@ConfigMapping(prefix = "outbound.rate-limit")
public interface RateLimitConfig {

    /** Keyed by {@link Endpoint#configName()}. */
    @WithParentName
    Map<String, Limit> endpoints();

    interface Limit {
        int permits();

        Duration period();
    }
}
