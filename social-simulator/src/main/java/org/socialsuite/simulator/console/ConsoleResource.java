package org.socialsuite.simulator.console;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.socialsuite.simulator.facebook.FacebookNetwork;
import org.socialsuite.simulator.scenario.ScenarioRunner;
import org.socialsuite.simulator.twitter.TwitterNetwork;
import org.socialsuite.simulator.world.SocialWorld;

/**
 * The consumer console's API: a person (or a test) acts as a consumer on the demo accounts, and
 * sees the networks as their users would, the brands' replies included.
 */
@Path("/console/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsoleResource {

    private final FacebookNetwork facebook;
    private final TwitterNetwork twitter;
    private final SocialWorld world;
    private final WorldViews views;
    private final ScenarioRunner scenario;

    public ConsoleResource(
            FacebookNetwork facebook,
            TwitterNetwork twitter,
            SocialWorld world,
            WorldViews views,
            ScenarioRunner scenario) {
        this.facebook = facebook;
        this.twitter = twitter;
        this.world = world;
        this.views = views;
        this.scenario = scenario;
    }

    @GET
    @Path("/world")
    public WorldView world() {
        return views.now();
    }

    /** Something changed: the console fetches the world again. */
    @GET
    @Path("/changes")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> changes() {
        return Multi.createBy()
                .merging()
                .streams(
                        world.changes(),
                        Multi.createFrom()
                                .ticks()
                                .every(Duration.ofSeconds(25))
                                .map(t -> "keep-alive"));
    }

    public record PostRequest(String pageId, String personId, String text) {}

    /** A post on the page: the page's own when no person is named. */
    @POST
    @Path("/facebook/posts")
    public Created post(PostRequest request) {
        return new Created(
                request.personId() == null
                        ? facebook.pagePost(request.pageId(), request.text()).id()
                        : facebook.visitorPost(request.pageId(), request.personId(), request.text())
                                .id());
    }

    public record CommentRequest(String personId, String parentId, String text) {}

    @POST
    @Path("/facebook/comments")
    public Created comment(CommentRequest request) {
        return new Created(
                facebook.comment(request.personId(), request.parentId(), request.text()).id());
    }

    public record MessageRequest(String pageId, String personId, String text) {}

    @POST
    @Path("/facebook/messages")
    public Created message(MessageRequest request) {
        return new Created(
                facebook.message(request.pageId(), request.personId(), request.text()).mid());
    }

    public record InboxReplyRequest(String commentId, String text) {}

    /** The page answers a comment privately from Facebook's Page inbox, not through the suite. */
    @POST
    @Path("/facebook/page-inbox")
    public Created pageInbox(InboxReplyRequest request) {
        return new Created(
                facebook.pageInboxPrivateReply(request.commentId(), request.text()).mid());
    }

    public record AgeRequest(String pageId, String personId, long hours) {}

    /** Moves a Messenger conversation back in time, to see the windows close. */
    @POST
    @Path("/facebook/messenger/age")
    public WorldView age(AgeRequest request) {
        world.age(request.pageId(), request.personId(), Duration.ofHours(request.hours()));
        return views.now();
    }

    public record TweetRequest(
            String brandUserId, String personId, String text, String inReplyToId) {}

    @POST
    @Path("/twitter/tweets")
    public Created tweet(TweetRequest request) {
        return new Created(
                twitter.tweetAt(
                                request.brandUserId(),
                                request.personId(),
                                request.text(),
                                request.inReplyToId())
                        .id());
    }

    public record DirectMessageRequest(String brandUserId, String personId, String text) {}

    @POST
    @Path("/twitter/dms")
    public Created directMessage(DirectMessageRequest request) {
        return new Created(
                twitter.directMessageFrom(request.brandUserId(), request.personId(), request.text())
                        .id());
    }

    public record ScenarioRequest(boolean running) {}

    @POST
    @Path("/scenario")
    public WorldView.ScenarioState scenario(ScenarioRequest request) {
        if (request.running()) {
            scenario.start();
        } else {
            scenario.stop();
        }
        return new WorldView.ScenarioState(scenario.running(), scenario.perMinute());
    }

    public record Created(String id) {}
}
