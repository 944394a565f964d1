package org.socialsuite.conversation.posts;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.socialsuite.conversation.persistence.Constraints;
import org.socialsuite.conversation.posts.BulkReplies.BulkReplyRequest;
import org.socialsuite.conversation.posts.PostViews.Comments;
import org.socialsuite.conversation.posts.PostViews.Post;
import org.socialsuite.conversation.reply.ReplyRejected;
import org.socialsuite.events.Channel;
import org.socialsuite.support.api.AgentIdentity;
import org.socialsuite.support.api.QueryValues;

@Path("/api/brand-posts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Posts")
public class PostsResource {

    private final BrandPosts posts;
    private final BulkReplies bulk;
    private final JsonWebToken token;
    private final Clock clock;

    public PostsResource(BrandPosts posts, BulkReplies bulk, JsonWebToken token, Clock clock) {
        this.posts = posts;
        this.bulk = bulk;
        this.token = token;
        this.clock = clock;
    }

    @GET
    @Operation(
            summary = "The brand's posts and tweets that drew consumers' comments",
            description =
                    "Those with comments in the last `days` (default 14), the latest activity"
                            + " first, each with its counts: comments, unanswered, answered"
                            + " publicly, moved to private (a Private Response).")
    public Uni<List<Post>> list(
            @RestQuery String channel,
            @RestQuery @DefaultValue("14") int days,
            @RestQuery @DefaultValue("50") int limit) {
        if (days < 1 || days > 90 || limit < 1 || limit > 200) {
            throw new BadRequestException("days must be 1-90 and limit 1-200");
        }
        return posts.recent(
                brand(),
                QueryValues.parse(Channel.class, "channel", channel),
                clock.instant().minus(Duration.ofDays(days)),
                limit);
    }

    @GET
    @Path("/{postId}/comments")
    @Operation(
            summary = "One post's comments, each with the brand's latest answer and its delivery")
    public Uni<Comments> comments(@RestPath String postId) {
        return posts.comments(brand(), postId, BulkReplies.MAX_COMMENTS);
    }

    @POST
    @Path("/{postId}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Answer many comments of the post with one text",
            description =
                    "Each chosen comment (commentIds, or unanswered: true for every comment not"
                        + " answered yet, at most 500) gets a reply of its own in its consumer's"
                        + " conversation: mode PUBLIC under the comment, or PRIVATE_RESPONSE where"
                        + " Facebook allows it. 202 with what was sent and, per comment, why the"
                        + " others were not (already answered so, the rules). outbound-service"
                        + " paces the replies by the account's rate limit; each reports its own"
                        + " delivery.")
    public Uni<Response> reply(@RestPath String postId, BulkReplyRequest request) {
        AgentIdentity agent = AgentIdentity.of(token);
        return bulk.send(agent.brandId(), agent.agentId(), postId, request)
                .onFailure(failure -> Constraints.violated(failure, "message_bulk_answers_once"))
                .transform(
                        failure ->
                                ReplyRejected.unavailable(
                                        "Another reply to some of these comments went out"
                                                + " meanwhile; reload and send again"))
                .map(result -> Response.accepted(result).build());
    }

    private String brand() {
        return AgentIdentity.of(token).brandId();
    }
}
