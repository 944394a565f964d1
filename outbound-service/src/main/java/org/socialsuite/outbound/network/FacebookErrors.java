package org.socialsuite.outbound.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.socialsuite.outbound.network.NetworkError.Disposition;

/**
 * Graph API errors, {@code {"error":{"message","type","code","error_subcode"}}}, classified by
 * PLATFORMS.md: the reason an agent reads, and whether to retry, fail or flag the account.
 */
final class FacebookErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RATE_LIMITED = Set.of(4, 17, 32, 613);
    private static final Set<Integer> TEMPORARY = Set.of(1, 2);

    private FacebookErrors() {}

    static NetworkError of(Response response) {
        JsonNode error = readError(response);
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String facebookSays = error.path("message").asText("");
        String codeText =
                code == 0
                        ? "HTTP " + response.getStatus()
                        : subcode == 0 ? "" + code : code + "/" + subcode;
        Disposition disposition = disposition(response.getStatus(), code);
        String reason = explain(code, subcode, response.getStatus());
        if (!facebookSays.isEmpty()) {
            reason = reason + " (Facebook: " + facebookSays + ")";
        }
        return new NetworkError(codeText, reason, disposition, RetryAfter.of(response));
    }

    private static Disposition disposition(int status, int code) {
        if (code == 190) {
            return Disposition.REAUTHORISE;
        }
        if (RATE_LIMITED.contains(code) || TEMPORARY.contains(code)) {
            return Disposition.RETRY;
        }
        // An answer without a Graph error code: the edge or a proxy, not Facebook's verdict.
        if (code == 0 && (status >= 500 || status == 429)) {
            return Disposition.RETRY;
        }
        return Disposition.FAIL;
    }

    private static String explain(int code, int subcode, int status) {
        return switch (code) {
            case 190 ->
                    "The page's access token is invalid or expired; the account needs"
                            + " re-authorisation";
            case 10 ->
                    subcode == 2018278 || subcode == 2018065
                            ? "Outside the allowed messaging window"
                            : "The page is not allowed to do this";
            case 10900 -> "This comment has already been answered privately";
            case 10903 -> "This person cannot be replied to";
            case 551 -> "This person is not available to receive messages";
            case 4, 17, 32, 613 -> "Facebook's rate limit was reached";
            case 1, 2 -> "Facebook had a temporary problem";
            case 100 -> "Facebook refused a parameter of the reply";
            case 200, 230 -> "The page lacks the permission to do this";
            case 368 -> "The page is temporarily blocked from doing this";
            case 0 -> "Facebook answered HTTP " + status;
            default -> "Facebook refused the reply (code " + code + ")";
        };
    }

    private static JsonNode readError(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class)).path("error");
        } catch (Exception unreadable) {
            return JSON.missingNode();
        }
    }
}
