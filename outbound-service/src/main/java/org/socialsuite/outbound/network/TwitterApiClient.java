package org.socialsuite.outbound.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Twitter/X API v2 calls outbound-service makes (PLATFORMS.md, "Sending and lookups"). */
@RegisterRestClient(configKey = "twitter")
public interface TwitterApiClient {

    @POST
    @Path("/2/tweets")
    Uni<TweetResponse> tweet(@HeaderParam("Authorization") String bearer, TweetRequest request);

    @POST
    @Path("/2/dm_conversations/with/{participantId}/messages")
    Uni<DirectMessageResponse> directMessage(
            @PathParam("participantId") String participantId,
            @HeaderParam("Authorization") String bearer,
            DirectMessageRequest request);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** Likes a tweet as the account. */
    @POST
    @Path("/2/users/{userId}/likes")
    Uni<LikeResponse> like(
            @PathParam("userId") String userId,
            @HeaderParam("Authorization") String bearer,
            LikeRequest request);

    record LikeRequest(@JsonProperty("tweet_id") String tweetId) {}

    record LikeResponse(Liked data) {}

    record Liked(boolean liked) {}

    record TweetRequest(String text, Reply reply) {}

    record Reply(@JsonProperty("in_reply_to_tweet_id") String inReplyToTweetId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TweetResponse(TweetData data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TweetData(String id) {}

    record DirectMessageRequest(String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DirectMessageResponse(DirectMessageData data) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DirectMessageData(
            @JsonProperty("dm_conversation_id") String conversationId,
            @JsonProperty("dm_event_id") String eventId) {}

    @ClientExceptionMapper
    static RuntimeException toError(Response response) {
        return TwitterErrors.of(response);
    }
}
