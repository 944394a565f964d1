package org.socialsuite.simulator.twitter;

import jakarta.ws.rs.core.Response;
import org.socialsuite.simulator.quota.QuotaCounter.Usage;

/** {@code x-rate-limit-limit}, {@code -remaining}, {@code -reset} (Unix seconds). */
final class RateLimitHeaders {

    private RateLimitHeaders() {}

    static Response.ResponseBuilder add(Response.ResponseBuilder response, Usage usage) {
        return response.header("x-rate-limit-limit", usage.limit())
                .header("x-rate-limit-remaining", usage.remaining())
                .header("x-rate-limit-reset", usage.reset().getEpochSecond());
    }
}
