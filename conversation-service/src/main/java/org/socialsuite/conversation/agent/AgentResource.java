package org.socialsuite.conversation.agent;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialsuite.conversation.agent.AgentRoster.Agent;
import org.socialsuite.support.api.AgentIdentity;

@Path("/api/agents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Agents")
public class AgentResource {

    private final AgentRoster roster;
    private final JsonWebToken token;

    public AgentResource(AgentRoster roster, JsonWebToken token) {
        this.roster = roster;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The brand's agents, whom a conversation can be assigned to",
            description =
                    "Every agent of the brand who has used the workspace, by name, with when they"
                            + " were last seen, whether they are active (seen in the last five"
                            + " minutes) and how many open conversations they own.")
    public Uni<List<Agent>> list() {
        return roster.of(AgentIdentity.of(token).brandId());
    }
}
