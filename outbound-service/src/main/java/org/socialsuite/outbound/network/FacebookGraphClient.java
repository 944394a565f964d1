package org.socialsuite.outbound.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Graph API calls outbound-service makes (PLATFORMS.md, "Sending"). */
@RegisterRestClient(configKey = "facebook")
public interface FacebookGraphClient {

    /** Messenger: a response, a tagged message, or a private reply to a comment. */
    @POST
    @Path("/{pageId}/messages")
    Uni<SendResponse> send(
            @PathParam("pageId") String pageId,
            @HeaderParam("Authorization") String bearer,
            SendRequest request);

    /** A public reply under a comment or on a post. */
    @POST
    @Path("/{objectId}/comments")
    Uni<CommentResponse> comment(
            @PathParam("objectId") String objectId,
            @HeaderParam("Authorization") String bearer,
            CommentRequest request);

    /** Hides or shows again a comment on the page's posts. */
    @POST
    @Path("/{commentId}")
    Uni<Success> setHidden(
            @PathParam("commentId") String commentId,
            @HeaderParam("Authorization") String bearer,
            Hidden request);

    /** Deletes a comment or a visitor's post on the page. */
    @DELETE
    @Path("/{objectId}")
    Uni<Success> delete(
            @PathParam("objectId") String objectId, @HeaderParam("Authorization") String bearer);

    /** Likes a comment or post as the page. */
    @POST
    @Path("/{objectId}/likes")
    Uni<Success> like(
            @PathParam("objectId") String objectId, @HeaderParam("Authorization") String bearer);

    record Hidden(@JsonProperty("is_hidden") boolean isHidden) {}

    record Success(boolean success) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendRequest(
            Recipient recipient,
            @JsonProperty("messaging_type") String messagingType,
            String tag,
            Text message) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recipient(String id, @JsonProperty("comment_id") String commentId) {}

    record Text(String text) {}

    record SendResponse(
            @JsonProperty("recipient_id") String recipientId,
            @JsonProperty("message_id") String messageId) {}

    record CommentRequest(String message) {}

    record CommentResponse(String id) {}

    @ClientExceptionMapper
    static RuntimeException toError(Response response) {
        return FacebookErrors.of(response);
    }
}
