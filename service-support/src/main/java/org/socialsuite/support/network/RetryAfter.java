package org.socialsuite.support.network;

import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * When a network says it will take the next request: Twitter/X's {@code x-rate-limit-reset} (Unix
 * seconds), or a standard {@code Retry-After} in seconds.
 */
public final class RetryAfter {

    private RetryAfter() {}

    public static Instant of(Response response) {
        try {
            String reset = response.getHeaderString("x-rate-limit-reset");
            if (reset != null) {
                return Instant.ofEpochSecond(Long.parseLong(reset.trim()));
            }
            String retryAfter = response.getHeaderString("Retry-After");
            if (retryAfter != null) {
                return Instant.now().plusSeconds(Long.parseLong(retryAfter.trim()));
            }
        } catch (NumberFormatException unreadable) {
            // An unreadable header is no instruction: the backoff decides.
        }
        return null;
    }
}
