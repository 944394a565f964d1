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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Graph API calls of connecting a page: Facebook Login's code for a user token, exchanged for a
 * long-lived one, the pages the user granted with their page tokens ({@code /me/accounts}), and the
 * app's subscription to each page's webhooks ({@code /{page-id}/subscribed_apps}). Secrets travel
 * in bodies and headers, never in a URL, so no access log or trace holds them.
 */
@RegisterRestClient(configKey = "facebook")
public interface FacebookGraph {

    @POST
    @Path("/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<UserToken> userToken(
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("code") String code);

    /**
     * A long-lived user token for Login's short-lived one: the page tokens fetched with it do not
     * expire, where those of a short-lived one last an hour.
     */
    @POST
    @Path("/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<UserToken> longLivedUserToken(
            @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("fb_exchange_token") String shortLivedToken);

    @GET
    @Path("/me/accounts")
    Uni<Pages> pages(
            @HeaderParam("Authorization") String bearer, @QueryParam("fields") String fields);

    @POST
    @Path("/{pageId}/subscribed_apps")
    Uni<Success> subscribe(
            @PathParam("pageId") String pageId,
            @HeaderParam("Authorization") String bearer,
            @QueryParam("subscribed_fields") String fields);

    record UserToken(@JsonProperty("access_token") String accessToken) {
        @Override
        public String toString() {
            return "UserToken[…]";
        }
    }

    record Pages(List<Page> data) {}

    record Page(
            String id,
            String name,
            @JsonProperty("access_token") String accessToken,
            List<String> tasks) {
        @Override
        public String toString() {
            return "Page[" + id + " " + name + "]";
        }
    }

    record Success(boolean success) {}
}
