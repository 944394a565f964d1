package org.socialsuite.simulator.twitter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;

/**
 * X's token endpoint ({@code api.x.com/2/oauth2/token}): the app's server exchanges the consent
 * page's code for a user access token, with its client credentials (HTTP Basic) and the PKCE code
 * verifier.
 */
@Path("/twitter/2/oauth2/token")
public class XTokens {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final BrandAccounts accounts;
    private final SimulatorConfig config;

    public XTokens(BrandAccounts accounts, SimulatorConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @HeaderParam("Authorization") String basic,
            @FormParam("grant_type") String grantType,
            @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri,
            @FormParam("code_verifier") String codeVerifier,
            @FormParam("refresh_token") String refreshToken) {
        if (!clientAuthenticated(basic)) {
            return oauthError(401, "unauthorized_client", "Missing valid authorization header");
        }
        if ("refresh_token".equals(grantType)) {
            return accounts.xRenewed(refreshToken)
                    .map(XTokens::issued)
                    .orElseGet(
                            () ->
                                    oauthError(
                                            400,
                                            "invalid_request",
                                            "Value passed for the token was invalid."));
        }
        if (!"authorization_code".equals(grantType)) {
            return oauthError(
                    400, "invalid_request", "Value passed for the grant type was invalid.");
        }
        return accounts.xUserTokens(code, redirectUri, codeVerifier)
                .map(XTokens::issued)
                .orElseGet(
                        () ->
                                oauthError(
                                        400,
                                        "invalid_request",
                                        "Value passed for the authorization code was invalid."));
    }

    /** A two-hour access token and the refresh token that renews it once (offline.access). */
    private static Response issued(BrandAccounts.UserTokens tokens) {
        return Response.ok(
                        NODES.objectNode()
                                .put("token_type", "bearer")
                                .put("expires_in", 7200)
                                .put("access_token", tokens.accessToken())
                                .put("refresh_token", tokens.refreshToken())
                                .put("scope", XAuthorization.SCOPES + " offline.access"))
                .build();
    }

    private boolean clientAuthenticated(String basic) {
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (config.apps().twitterClientId()
                                                        + ":"
                                                        + config.apps().twitterClientSecret())
                                                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(basic);
    }

    private static Response oauthError(int status, String error, String description) {
        ObjectNode body =
                NODES.objectNode().put("error", error).put("error_description", description);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
