package org.socialsuite.simulator.twitter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.simulator.quota.QuotaCounter.Usage;

/** What the API v2 answers when it will not do something: problem+json, rate limits as 429. */
public class TwitterRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final String type;
    private final Usage usage;

    TwitterRefusal(int status, String title, String type, String detail, Usage usage) {
        super(detail);
        this.status = status;
        this.title = title;
        this.type = type;
        this.usage = usage;
    }

    static TwitterRefusal unauthorized() {
        return new TwitterRefusal(401, "Unauthorized", "about:blank", "Unauthorized", null);
    }

    static TwitterRefusal invalid(String detail) {
        return new TwitterRefusal(
                400,
                "Invalid Request",
                "https://api.twitter.com/2/problems/invalid-request",
                detail,
                null);
    }

    static TwitterRefusal forbidden(String detail) {
        return new TwitterRefusal(403, "Forbidden", "about:blank", detail, null);
    }

    static TwitterRefusal tooManyRequests(Usage usage) {
        return new TwitterRefusal(
                429, "Too Many Requests", "about:blank", "Too Many Requests", usage);
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response toProblem(TwitterRefusal refusal) {
            ObjectNode problem =
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("title", refusal.title)
                            .put("detail", refusal.getMessage())
                            .put("type", refusal.type)
                            .put("status", refusal.status);
            Response.ResponseBuilder response =
                    Response.status(refusal.status)
                            .type("application/problem+json")
                            .entity(problem);
            if (refusal.usage != null) {
                RateLimitHeaders.add(response, refusal.usage);
            }
            return response.build();
        }
    }
}
