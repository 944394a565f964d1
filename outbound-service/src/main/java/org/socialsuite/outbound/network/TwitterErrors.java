package org.socialsuite.outbound.network;

import jakarta.ws.rs.core.Response;
import org.socialsuite.outbound.network.NetworkError.Disposition;
import org.socialsuite.support.network.RetryAfter;
import org.socialsuite.support.network.TwitterProblem;

/**
 * Twitter/X API v2 errors, classified: 429 (old code 88) waits for {@code x-rate-limit-reset}, 5xx
 * is retried, 401 means the token is no longer valid, any other refusal is final.
 */
final class TwitterErrors {

    private TwitterErrors() {}

    static NetworkError of(Response response) {
        TwitterProblem problem = TwitterProblem.read(response);
        int status = problem.status();
        String reason =
                problem.rateLimited()
                        ? "Twitter/X's rate limit was reached"
                        : status == 401
                                ? "The account's Twitter/X token is no longer valid; the account"
                                        + " needs re-authorisation"
                                : status >= 500
                                        ? "Twitter/X had a temporary problem"
                                        : "Twitter/X refused the reply";
        if (!problem.says().isEmpty()) {
            reason = reason + " (Twitter/X: " + problem.says() + ")";
        }
        Disposition disposition =
                problem.rateLimited() || status >= 500
                        ? Disposition.RETRY
                        : status == 401 ? Disposition.REAUTHORISE : Disposition.FAIL;
        return new NetworkError(problem.codeText(), reason, disposition, RetryAfter.of(response));
    }
}
