package org.socialsuite.profile.post;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.socialsuite.events.Channel;
import org.socialsuite.support.api.AgentIdentity;
import org.socialsuite.support.api.QueryValues;

@Path("/api/posts/{channel}/{platformPostId}/thread")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Posts")
public class PostResource {

    private final PostRepository posts;
    private final ThreadWalker threads;
    private final JsonWebToken token;

    public PostResource(PostRepository posts, ThreadWalker threads, JsonWebToken token) {
        this.posts = posts;
        this.threads = threads;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The post under its parents, root first",
            description =
                    "Only posts the agent's brand has seen on its own accounts; parents never seen"
                            + " are fetched from the network.")
    public Uni<ThreadView> thread(@RestPath String channel, @RestPath String platformPostId) {
        Channel network = QueryValues.parse(Channel.class, "channel", channel);
        String brandId = AgentIdentity.of(token).brandId();
        return Panache.withSession(() -> posts.findForBrand(brandId, network, platformPostId))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("No post " + platformPostId))
                .chain(threads::threadOf);
    }
}
