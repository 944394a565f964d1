package org.socialsuite.simulator.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;
import org.socialsuite.simulator.twitter.TwitterNetwork.Counted;
import org.socialsuite.simulator.world.DirectMessage;
import org.socialsuite.simulator.world.Person;
import org.socialsuite.simulator.world.Tweet;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * The API v2 calls outbound-service and profile-service make (PLATFORMS.md, "Sending and lookups"),
 * with the rate-limit headers and Twitter/X's refusals.
 */
@Path("/twitter/2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TwitterApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TwitterNetwork twitter;
    private final BrandAccounts accounts;
    private final SimulatorConfig config;

    public TwitterApi(TwitterNetwork twitter, BrandAccounts accounts, SimulatorConfig config) {
        this.twitter = twitter;
        this.accounts = accounts;
        this.config = config;
    }

    /** The user a user access token belongs to. */
    @GET
    @Path("/users/me")
    public ObjectNode me(@HeaderParam("Authorization") String bearer) {
        ConnectedAccount user =
                accounts.authorised(Channel.TWITTER, bearer)
                        .orElseThrow(TwitterRefusal::unauthorized);
        String handle = user.handle().orElse(user.externalId());
        ObjectNode body = NODES.objectNode();
        body.putObject("data")
                .put("id", user.externalId())
                .put("name", handle)
                .put("username", handle);
        return body;
    }

    /** The app's Account Activity webhook subscribed to the user's activity, with their token. */
    @POST
    @Path("/account_activity/webhooks/{webhookId}/subscriptions/all")
    public ObjectNode subscribe(
            @PathParam("webhookId") String webhookId, @HeaderParam("Authorization") String bearer) {
        ConnectedAccount user =
                accounts.authorised(Channel.TWITTER, bearer)
                        .orElseThrow(TwitterRefusal::unauthorized);
        if (!config.apps().twitterWebhookId().equals(webhookId)) {
            throw TwitterRefusal.invalid("The webhook " + webhookId + " does not exist");
        }
        accounts.subscribe(Channel.TWITTER, user.externalId());
        ObjectNode body = NODES.objectNode();
        body.putObject("data").put("subscribed", true);
        return body;
    }

    @POST
    @Path("/tweets")
    public Response tweet(@HeaderParam("Authorization") String bearer, JsonNode request) {
        JsonNode replyTo = request.path("reply").path("in_reply_to_tweet_id");
        Counted<Tweet> sent =
                twitter.tweet(
                        bearer,
                        request.path("text").asText(null),
                        replyTo.isMissingNode() || replyTo.isNull() ? null : replyTo.asText());
        ObjectNode data =
                NODES.objectNode().put("id", sent.value().id()).put("text", sent.value().text());
        data.putArray("edit_history_tweet_ids").add(sent.value().id());
        return created(data, sent);
    }

    @POST
    @Path("/users/{id}/likes")
    public ObjectNode like(
            @PathParam("id") String userId,
            @HeaderParam("Authorization") String bearer,
            JsonNode request) {
        twitter.like(
                bearer, userId, request == null ? null : request.path("tweet_id").asText(null));
        ObjectNode body = NODES.objectNode();
        body.putObject("data").put("liked", true);
        return body;
    }

    @POST
    @Path("/dm_conversations/with/{participantId}/messages")
    public Response directMessage(
            @PathParam("participantId") String participantId,
            @HeaderParam("Authorization") String bearer,
            JsonNode request) {
        Counted<DirectMessage> sent =
                twitter.directMessage(bearer, participantId, request.path("text").asText(null));
        ObjectNode data =
                NODES.objectNode()
                        .put(
                                "dm_conversation_id",
                                sent.value().brandUserId() + "-" + sent.value().personId())
                        .put("dm_event_id", sent.value().id());
        return created(data, sent);
    }

    @GET
    @Path("/users/{id}")
    public ObjectNode user(@PathParam("id") String id) {
        return twitter.person(id, true)
                .map(person -> data(userData(person)))
                .orElseGet(() -> notFound("user", id));
    }

    @GET
    @Path("/tweets/{id}")
    public ObjectNode tweet(@PathParam("id") String id) {
        return twitter.tweet(id).map(this::tweetWithAuthor).orElseGet(() -> notFound("tweet", id));
    }

    private ObjectNode tweetWithAuthor(Tweet tweet) {
        ObjectNode data =
                NODES.objectNode()
                        .put("id", tweet.id())
                        .put("text", tweet.text())
                        .put("author_id", tweet.authorId())
                        .put("created_at", DateTimeFormatter.ISO_INSTANT.format(tweet.createdAt()))
                        .put("conversation_id", tweet.conversationId());
        if (tweet.inReplyToId() != null) {
            data.putArray("referenced_tweets")
                    .addObject()
                    .put("type", "replied_to")
                    .put("id", tweet.inReplyToId());
        }
        data.putArray("edit_history_tweet_ids").add(tweet.id());
        ObjectNode body = data(data);
        twitter.person(tweet.authorId(), true)
                .ifPresent(
                        author ->
                                body.putObject("includes")
                                        .putArray("users")
                                        .addObject()
                                        .put("id", author.id())
                                        .put("name", author.name())
                                        .put("username", author.handle()));
        return body;
    }

    private static ObjectNode userData(Person person) {
        ObjectNode user =
                NODES.objectNode()
                        .put("id", person.id())
                        .put("name", person.name())
                        .put("username", person.handle())
                        .put("description", person.bio())
                        .put("profile_image_url", person.imageUrl());
        user.putObject("public_metrics")
                .put("followers_count", person.followers())
                .put("following_count", person.following())
                .put("tweet_count", person.tweets())
                .put("like_count", person.likes())
                .put("listed_count", 0);
        return user;
    }

    private static ObjectNode data(ObjectNode data) {
        ObjectNode body = NODES.objectNode();
        body.set("data", data);
        return body;
    }

    /** API v2 answers a missing resource with 200 and an {@code errors} array. */
    private static ObjectNode notFound(String type, String id) {
        ObjectNode body = NODES.objectNode();
        body.putArray("errors")
                .addObject()
                .put("value", id)
                .put("detail", "Could not find " + type + " with id: [" + id + "].")
                .put("title", "Not Found Error")
                .put("resource_type", type)
                .put("type", "https://api.twitter.com/2/problems/resource-not-found");
        return body;
    }

    private static Response created(ObjectNode data, Counted<?> counted) {
        return RateLimitHeaders.add(Response.status(201).entity(data(data)), counted.usage())
                .build();
    }
}
