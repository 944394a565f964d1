package org.socialsuite.profile.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.socialsuite.support.network.RetryAfter;
import org.socialsuite.support.network.TwitterProblem;

/** The Twitter/X API v2 look-ups profile-service makes (PLATFORMS.md, "Sending and lookups"). */
@RegisterRestClient(configKey = "twitter")
public interface TwitterApiClient {

    String USER_FIELDS = "description,profile_image_url,public_metrics";
    String TWEET_FIELDS = "author_id,created_at,conversation_id,referenced_tweets";

    @GET
    @Path("/2/users/{id}")
    Uni<UserResponse> user(
            @PathParam("id") String id,
            @QueryParam("user.fields") String fields,
            @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/2/tweets/{id}")
    Uni<TweetResponse> tweet(
            @PathParam("id") String id,
            @QueryParam("tweet.fields") String fields,
            @QueryParam("expansions") String expansions,
            @HeaderParam("Authorization") String bearer);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserResponse(User data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(
            String id,
            String name,
            String username,
            String description,
            @JsonProperty("profile_image_url") String profileImageUrl,
            @JsonProperty("public_metrics") Metrics publicMetrics) {}

    /** {@code tweet_count} is {@code post_count} in the newest spec. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metrics(
            @JsonProperty("followers_count") Long followers,
            @JsonProperty("following_count") Long following,
            @JsonProperty("tweet_count") Long tweets,
            @JsonProperty("post_count") Long posts,
            @JsonProperty("like_count") Long likes) {

        Long tweetsOrPosts() {
            return tweets != null ? tweets : posts;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TweetResponse(Tweet data, Includes includes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tweet(
            String id,
            String text,
            @JsonProperty("author_id") String authorId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("conversation_id") String conversationId,
            @JsonProperty("referenced_tweets") List<Reference> referencedTweets) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reference(String type, String id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Includes(List<User> users) {}

    @ClientExceptionMapper
    static RuntimeException toError(Response response) {
        TwitterProblem problem = TwitterProblem.read(response);
        UpstreamFailure.Kind kind =
                problem.rateLimited()
                        ? UpstreamFailure.Kind.RATE_LIMITED
                        : problem.status() == 404
                                ? UpstreamFailure.Kind.NOT_FOUND
                                : UpstreamFailure.Kind.UNAVAILABLE;
        String says = problem.says().isEmpty() ? "" : ": " + problem.says();
        return new UpstreamFailure(
                kind, "Twitter/X answered " + problem.codeText() + says, RetryAfter.of(response));
    }
}
