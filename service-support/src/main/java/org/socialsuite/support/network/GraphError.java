package org.socialsuite.support.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * A Graph API error answer, {@code {"error":{"message","type","code","error_subcode"}}}
 * (PLATFORMS.md); zeros and an empty message when the body is not one.
 */
public record GraphError(int status, int code, int subcode, String message) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);

    public static GraphError read(Response response) {
        JsonNode error;
        try {
            error = JSON.readTree(response.readEntity(String.class)).path("error");
        } catch (Exception unreadable) {
            error = JSON.missingNode();
        }
        return new GraphError(
                response.getStatus(),
                error.path("code").asInt(0),
                error.path("error_subcode").asInt(0),
                error.path("message").asText(""));
    }

    /** Application, user, page or send rate limits. */
    public boolean rateLimited() {
        return RATE_LIMIT_CODES.contains(code) || (code == 0 && status == 429);
    }

    /** {@code 10/2018278}, {@code 190}, or the HTTP status when there was no Graph code. */
    public String codeText() {
        return code == 0 ? "HTTP " + status : subcode == 0 ? "" + code : code + "/" + subcode;
    }
}
