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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.socialsuite.support.network.GraphError;
import org.socialsuite.support.network.RetryAfter;

/** The Graph API look-ups profile-service makes (PLATFORMS.md, "Profiles and posts"). */
@RegisterRestClient(configKey = "facebook")
public interface FacebookGraphClient {

    String USER_FIELDS = "first_name,last_name,profile_pic,locale,timezone";
    String POST_FIELDS = "message,from,created_time,permalink_url";
    String COMMENT_FIELDS = "message,from,created_time,parent,permalink_url";

    @GET
    @Path("/{psid}")
    Uni<User> user(
            @PathParam("psid") String psid,
            @QueryParam("fields") String fields,
            @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/{objectId}")
    Uni<Item> item(
            @PathParam("objectId") String objectId,
            @QueryParam("fields") String fields,
            @HeaderParam("Authorization") String bearer);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(
            String id,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("profile_pic") String profilePic,
            String locale,
            Double timezone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(
            String id,
            String message,
            From from,
            @JsonProperty("created_time") String createdTime,
            Parent parent,
            @JsonProperty("permalink_url") String permalinkUrl) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record From(String id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Parent(String id) {}

    @ClientExceptionMapper
    static RuntimeException toError(Response response) {
        GraphError error = GraphError.read(response);
        // Code 100 with subcode 33: the object does not exist or this token cannot see it.
        UpstreamFailure.Kind kind =
                error.rateLimited()
                        ? UpstreamFailure.Kind.RATE_LIMITED
                        : response.getStatus() == 404
                                        || (error.code() == 100 && error.subcode() == 33)
                                ? UpstreamFailure.Kind.NOT_FOUND
                                : UpstreamFailure.Kind.UNAVAILABLE;
        String says = error.message().isEmpty() ? "" : ": " + error.message();
        return new UpstreamFailure(
                kind, "Facebook answered " + error.codeText() + says, RetryAfter.of(response));
    }
}
