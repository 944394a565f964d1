package org.socialsuite.conversation.queue;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.conversation.conversation.ConversationViews.Detail;
import org.socialsuite.support.api.AgentIdentity;

@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Queue")
public class QueueResource {

    /** Whom to assign the conversation to: the asking agent to take it, or a colleague. */
    public record AssigneeRequest(String agentId) {}

    /** A 409: the conversation is another agent's ({@code assigneeId}), or closed. */
    public record Conflict(String error, String message, String assigneeId) {}

    private final Assignments assignments;
    private final JsonWebToken token;

    public QueueResource(Assignments assignments, JsonWebToken token) {
        this.assignments = assignments;
        this.token = token;
    }

    @POST
    @Path("/next")
    @Operation(
            summary = "Take the next conversation",
            description =
                    "The brand's unassigned conversation whose response is due soonest becomes"
                            + " the agent's. Agents taking the next at the same moment each get a"
                            + " different one.")
    @APIResponse(responseCode = "200", description = "The conversation, now the agent's")
    @APIResponse(responseCode = "204", description = "Nobody is waiting in the queue")
    public Uni<Response> takeNext() {
        return assignments
                .takeNext(actor())
                .map(
                        detail ->
                                detail == null
                                        ? Response.noContent().build()
                                        : Response.ok(detail).build());
    }

    @PUT
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Take the conversation, assign it to a colleague, or transfer it",
            description =
                    "An agent may assign a conversation in the queue or one they own; a"
                            + " supervisor (the admin group) any. 409 names who has it otherwise;"
                            + " 400 for an agent the brand does not know (see /api/agents).")
    public Uni<Detail> assign(@RestPath UUID id, AssigneeRequest request) {
        return assignments.assign(actor(), id, request == null ? null : request.agentId());
    }

    @DELETE
    @Path("/{id}/assignee")
    @Operation(summary = "Put the conversation back in the brand's queue")
    public Uni<Detail> unassign(@RestPath UUID id) {
        return assignments.unassign(actor(), id);
    }

    @ServerExceptionMapper
    public Response conflict(AssignmentConflict conflict) {
        return Response.status(409)
                .entity(
                        new Conflict(
                                conflict.assigneeId() == null ? "closed" : "assigned_elsewhere",
                                conflict.getMessage(),
                                conflict.assigneeId()))
                .build();
    }

    private Assignments.Actor actor() {
        AgentIdentity agent = AgentIdentity.of(token);
        return new Assignments.Actor(
                agent.brandId(), agent.agentId(), token.getGroups().contains("admin"));
    }
}
