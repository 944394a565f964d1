package org.socialsuite.simulator.twitter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;
import org.socialsuite.simulator.brand.ConsentPage;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * X's OAuth 2.0 authorization code flow with PKCE, its first half: the consent page ({@code
 * x.com/i/oauth2/authorize}), where the administrator logs in as the brand's account and is sent
 * back with a one-time code ({@link XTokens} exchanges it).
 */
@Path("/twitter/i/oauth2/authorize")
public class XAuthorization {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String SCOPES = "tweet.read tweet.write users.read dm.read dm.write";

    private final BrandAccounts accounts;
    private final SimulatorConfig config;

    public XAuthorization(BrandAccounts accounts, SimulatorConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(
            @QueryParam("response_type") String responseType,
            @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state,
            @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("code_challenge_method") String method) {
        if (!"code".equals(responseType)
                || !config.apps().twitterClientId().equals(clientId)
                || !ConsentPage.redirectable(redirectUri)
                || codeChallenge == null
                || !"S256".equals(method)) {
            return Response.status(400)
                    .entity(
                            ConsentPage.error(
                                    "X",
                                    "Something went wrong: the app's request is not valid"
                                            + " (client_id, redirect_uri, S256 code_challenge)"))
                    .build();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("redirect_uri", redirectUri);
        hidden.put("state", state);
        hidden.put("code_challenge", codeChallenge);
        Map<String, String> users = new LinkedHashMap<>();
        for (ConnectedAccount user : accounts.on(Channel.TWITTER)) {
            users.put(user.externalId(), "@" + user.handle().orElse(user.externalId()));
        }
        String cancel =
                UriBuilder.fromUri(redirectUri)
                        .queryParam("error", "access_denied")
                        .queryParam("state", state == null ? "" : state)
                        .build()
                        .toString();
        return Response.ok(
                        ConsentPage.render(
                                "X",
                                "Social Suite",
                                "wants to access your X account: " + SCOPES,
                                "/twitter/i/oauth2/authorize/grant",
                                hidden,
                                "user",
                                users,
                                false,
                                cancel))
                .build();
    }

    @GET
    @Path("/grant")
    public Response grant(
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state,
            @QueryParam("code_challenge") String codeChallenge,
            @QueryParam("user") String userId) {
        if (redirectUri == null
                || codeChallenge == null
                || userId == null
                || accounts.byExternalId(Channel.TWITTER, userId).isEmpty()) {
            return Response.status(400).build();
        }
        String code = accounts.xCode(userId, redirectUri, codeChallenge);
        return Response.seeOther(
                        UriBuilder.fromUri(redirectUri)
                                .queryParam("state", state == null ? "" : state)
                                .queryParam("code", code)
                                .build())
                .build();
    }
}
