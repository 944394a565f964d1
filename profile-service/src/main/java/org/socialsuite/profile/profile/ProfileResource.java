package org.socialsuite.profile.profile;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.socialsuite.events.Channel;
import org.socialsuite.support.api.AgentIdentity;
import org.socialsuite.support.api.QueryValues;

@Path("/api/profiles/{channel}/{consumerId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Profiles")
public class ProfileResource {

    private final ConsumerProfileRepository profiles;
    private final JsonWebToken token;

    public ProfileResource(ConsumerProfileRepository profiles, JsonWebToken token) {
        this.profiles = profiles;
        this.token = token;
    }

    @GET
    @WithSession
    @Operation(summary = "The consumer's profile as the widget shows it, for the agent's brand")
    public Uni<ProfileView> get(@RestPath String channel, @RestPath String consumerId) {
        Channel network = QueryValues.parse(Channel.class, "channel", channel);
        return profiles.findForBrand(AgentIdentity.of(token).brandId(), network, consumerId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No profile of " + consumerId))
                .map(profile -> ProfileView.of(profile, Instant.now()));
    }
}
