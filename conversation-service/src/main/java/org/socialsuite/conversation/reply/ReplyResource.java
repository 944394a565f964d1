package org.socialsuite.conversation.reply;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.socialsuite.conversation.persistence.Constraints;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.support.api.AgentIdentity;

@Path("/api/conversations/{id}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Replies")
public class ReplyResource {

    private final ReplyService replies;
    private final JsonWebToken token;

    public ReplyResource(ReplyService replies, JsonWebToken token) {
        this.replies = replies;
        this.token = token;
    }

    @POST
    @Operation(
            summary = "Reply to the consumer",
            description =
                    "202 with the new OUTBOUND message (deliveryStatus PENDING); 400 for empty or"
                        + " over-long text; 409 with the reason when the mode is unavailable, or"
                        + " (error personal_data) when a public reply would publish personal data"
                        + " and personalDataConfirmed is not true. The same Idempotency-Key returns"
                        + " the first reply instead of sending again.")
    public Uni<Response> reply(
            @RestPath UUID id,
            @RestHeader("Idempotency-Key") String idempotencyKey,
            ReplyRequest request) {
        AgentIdentity agent = AgentIdentity.of(token);
        if (request == null) {
            throw ReplyRejected.badText("The body must be {text, mode}");
        }
        return replies.reply(agent.brandId(), agent.agentId(), id, request, idempotencyKey)
                .onFailure(failure -> Constraints.violated(failure, "message_idempotency"))
                // Two clicks at once: the second loses the race on the unique key; show the first.
                .recoverWithUni(() -> replies.findSent(agent.brandId(), id, idempotencyKey))
                .map(message -> Response.accepted(message).build());
    }

    /** What the workspace asks while the agent types: nothing is sent or stored. */
    public record CheckRequest(String text, ReplyMode mode) {}

    @POST
    @Path("check")
    @Operation(
            summary = "Check a draft reply",
            description =
                    "The draft's length as the network counts it (Twitter/X's weighted length with"
                            + " the mention for a reply tweet) against its limit, why it would be"
                            + " refused, and the personal data a public reply would publish. Sends"
                            + " nothing.")
    public Uni<ReplyCheck> check(@RestPath UUID id, CheckRequest request) {
        if (request == null || request.mode() == null) {
            throw new BadRequestException("The body must be {text, mode}");
        }
        AgentIdentity agent = AgentIdentity.of(token);
        return replies.check(agent.brandId(), id, request.text(), request.mode());
    }
}
