package org.socialsuite.outbound.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.socialsuite.outbound.network.NetworkError.Disposition;

/**
 * Twitter/X API v2 errors: problem+json {@code {"title","detail","type"}}, or the old {@code
 * {"errors":[{"code","message"}]}}. 429 (old code 88) waits for {@code x-rate-limit-reset}; 401
 * means the token is no longer valid.
 */
final class TwitterErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OLD_RATE_LIMIT_CODE = 88;

    private TwitterErrors() {}

    static NetworkError of(Response response) {
        JsonNode body = readBody(response);
        JsonNode old = body.path("errors").path(0);
        int status = response.getStatus();
        boolean rateLimited = status == 429 || old.path("code").asInt() == OLD_RATE_LIMIT_CODE;
        String detail = body.path("detail").asText(old.path("message").asText(""));
        String title = body.path("title").asText("");
        String twitterSays = !detail.isEmpty() ? detail : title;
        String reason =
                rateLimited
                        ? "Twitter/X's rate limit was reached"
                        : status == 401
                                ? "The account's Twitter/X token is no longer valid; the account"
                                        + " needs re-authorisation"
                                : status >= 500
                                        ? "Twitter/X had a temporary problem"
                                        : "Twitter/X refused the reply";
        if (!twitterSays.isEmpty()) {
            reason = reason + " (Twitter/X: " + twitterSays + ")";
        }
        Disposition disposition =
                rateLimited || status >= 500
                        ? Disposition.RETRY
                        : status == 401 ? Disposition.REAUTHORISE : Disposition.FAIL;
        String code = old.has("code") ? old.path("code").asText() : "HTTP " + status;
        return new NetworkError(code, reason, disposition, RetryAfter.of(response));
    }

    private static JsonNode readBody(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (Exception unreadable) {
            return JSON.missingNode();
        }
    }
}
