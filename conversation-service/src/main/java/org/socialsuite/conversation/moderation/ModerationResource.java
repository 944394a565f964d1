package org.socialsuite.conversation.moderation;

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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.conversation.persistence.Constraints;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.support.api.AgentIdentity;
import org.socialsuite.support.api.ErrorResponse;
import org.socialsuite.support.api.QueryValues;

@Path("/api/conversations/{id}/messages/{messageId}/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Moderation")
public class ModerationResource {

    /** HIDE, UNHIDE, DELETE or LIKE. */
    public record ModerationRequest(String action) {}

    private final ModerationService moderation;
    private final JsonWebToken token;

    public ModerationResource(ModerationService moderation, JsonWebToken token) {
        this.moderation = moderation;
        this.token = token;
    }

    @POST
    @Operation(
            summary = "Hide, unhide, delete or like the consumer's item on the network",
            description =
                    "202 with the moderation (status PENDING); its result follows on the stream"
                        + " (ModerationChanged) and in the message's `moderation`. 409 with the"
                        + " reason when the network would refuse it (only Facebook comments hide; X"
                        + " tweets can only be liked; private messages not at all) or the same"
                        + " action is already under way. The same Idempotency-Key returns the first"
                        + " instead of acting again.")
    public Uni<Response> moderate(
            @RestPath UUID id,
            @RestPath UUID messageId,
            @RestHeader("Idempotency-Key") String idempotencyKey,
            ModerationRequest request) {
        AgentIdentity agent = AgentIdentity.of(token);
        OutboundAction action =
                QueryValues.parse(
                        OutboundAction.class, "action", request == null ? null : request.action());
        if (action == null) {
            throw new BadRequestException("The body must be {action: HIDE|UNHIDE|DELETE|LIKE}");
        }
        return moderation
                .request(agent.brandId(), agent.agentId(), id, messageId, action, idempotencyKey)
                .onFailure(failure -> Constraints.violated(failure, "moderation_idempotency"))
                .recoverWithUni(
                        () ->
                                moderation.findStarted(
                                        agent.brandId(), id, messageId, idempotencyKey))
                .onFailure(failure -> Constraints.violated(failure, "moderation_one_pending"))
                .transform(
                        failure -> new ModerationRejected("The same action is already under way"))
                .map(started -> Response.accepted(started).build());
    }

    @ServerExceptionMapper
    public Response rejected(ModerationRejected rejected) {
        return Response.status(409)
                .entity(new ErrorResponse("moderation_refused", rejected.getMessage()))
                .build();
    }
}
