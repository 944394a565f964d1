package org.socialsuite.support.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/**
 * A Twitter/X API v2 error answer: problem+json {@code {"title","detail","type"}}, or the old
 * {@code {"errors":[{"code","message"}]}} (PLATFORMS.md).
 *
 * @param oldCode the old form's error code, 0 when absent
 * @param says the network's own words: the detail, else the title, else empty
 */
public record TwitterProblem(int status, int oldCode, String says) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OLD_RATE_LIMIT_CODE = 88;

    public static TwitterProblem read(Response response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.readEntity(String.class));
        } catch (Exception unreadable) {
            body = JSON.missingNode();
        }
        JsonNode old = body.path("errors").path(0);
        String detail = body.path("detail").asText(old.path("message").asText(""));
        String says = !detail.isEmpty() ? detail : body.path("title").asText("");
        return new TwitterProblem(response.getStatus(), old.path("code").asInt(0), says);
    }

    public boolean rateLimited() {
        return status == 429 || oldCode == OLD_RATE_LIMIT_CODE;
    }

    public String codeText() {
        return oldCode != 0 ? Integer.toString(oldCode) : "HTTP " + status;
    }
}
