package org.socialsuite.outbound.network;

import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.socialsuite.outbound.network.NetworkError.Disposition;
import org.socialsuite.support.network.GraphError;
import org.socialsuite.support.network.RetryAfter;

/**
 * Graph API errors, {@code {"error":{"message","type","code","error_subcode"}}}, classified by
 * PLATFORMS.md: the reason an agent reads, and whether to retry, fail or flag the account.
 */
final class FacebookErrors {

    private static final Set<Integer> TEMPORARY = Set.of(1, 2);

    private FacebookErrors() {}

    static NetworkError of(Response response) {
        GraphError error = GraphError.read(response);
        String reason = explain(error.code(), error.subcode(), error.status());
        if (!error.message().isEmpty()) {
            reason = reason + " (Facebook: " + error.message() + ")";
        }
        return new NetworkError(
                error.codeText(), reason, disposition(error), RetryAfter.of(response));
    }

    private static Disposition disposition(GraphError error) {
        if (error.code() == 190) {
            return Disposition.REAUTHORISE;
        }
        // Without a Graph code, a 5xx is the edge or a proxy, not Facebook's verdict.
        boolean temporary =
                TEMPORARY.contains(error.code()) || (error.code() == 0 && error.status() >= 500);
        return error.rateLimited() || temporary ? Disposition.RETRY : Disposition.FAIL;
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
}
