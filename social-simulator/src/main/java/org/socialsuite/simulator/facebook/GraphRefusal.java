package org.socialsuite.simulator.facebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What the Graph API answers when it will not do something (PLATFORMS.md's error table). */
public class GraphRefusal extends RuntimeException {

    private final int code;
    private final Integer subcode;

    public GraphRefusal(int code, Integer subcode, String message) {
        super(message);
        this.code = code;
        this.subcode = subcode;
    }

    static GraphRefusal invalidToken() {
        return new GraphRefusal(190, 460, "Error validating access token: the session is invalid");
    }

    static GraphRefusal rateLimited() {
        return new GraphRefusal(
                613, null, "(#613) Calls to this api have exceeded the rate limit.");
    }

    static GraphRefusal outsideWindow() {
        return new GraphRefusal(
                10,
                2018278,
                "(#10) This message is sent outside of allowed window. Learn more about the new"
                    + " policy here:"
                    + " https://developers.facebook.com/docs/messenger-platform/policy-overview");
    }

    static GraphRefusal noSuchObject(String id) {
        return new GraphRefusal(
                100,
                33,
                "Unsupported get request. Object with ID '"
                        + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does"
                        + " not support this operation");
    }

    static GraphRefusal badParameter(String message) {
        return new GraphRefusal(100, null, "(#100) " + message);
    }

    public static class Mapper {
        @ServerExceptionMapper
        public Response toGraphError(GraphRefusal refusal) {
            ObjectNode error =
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("message", refusal.getMessage())
                            .put(
                                    "type",
                                    refusal.code == 190 ? "OAuthException" : "FacebookApiException")
                            .put("code", refusal.code);
            if (refusal.subcode != null) {
                error.put("error_subcode", refusal.subcode);
            }
            error.put("fbtrace_id", UUID.randomUUID().toString().substring(0, 11));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("error", error);
            return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
    }
}
