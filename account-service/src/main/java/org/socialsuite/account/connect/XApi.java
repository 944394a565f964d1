package org.socialsuite.account.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The X API calls of connecting an account: the OAuth 2.0 code (with its PKCE verifier) for a user
 * access token, whose user it is, and the Account Activity subscription of the app's webhook to
 * that user.
 */
@RegisterRestClient(configKey = "twitter")
public interface XApi {

    @POST
    @Path("/2/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<UserToken> userToken(
            @HeaderParam("Authorization") String clientBasic,
            @FormParam("grant_type") String grantType,
            @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("code_verifier") String codeVerifier);

    /** A new access token (and a new refresh token: X rotates it) for the refresh token. */
    @POST
    @Path("/2/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<UserToken> renewed(
            @HeaderParam("Authorization") String clientBasic,
            @FormParam("grant_type") String grantType,
            @FormParam("refresh_token") String refreshToken);

    @GET
    @Path("/2/users/me")
    Uni<Me> me(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/2/account_activity/webhooks/{webhookId}/subscriptions/all")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Subscribed> subscribe(
            @PathParam("webhookId") String webhookId,
            @HeaderParam("Authorization") String bearer,
            String emptyObject);

    /**
     * @param refreshToken present when {@code offline.access} was granted
     * @param expiresIn seconds the access token lasts
     */
    record UserToken(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("expires_in") Long expiresIn,
            String scope) {
        @Override
        public String toString() {
            return "UserToken[" + scope + ", " + expiresIn + " s]";
        }
    }

    record Me(User data) {}

    record User(String id, String name, String username) {}

    record Subscribed(Data data) {
        public record Data(boolean subscribed) {}
    }
}
