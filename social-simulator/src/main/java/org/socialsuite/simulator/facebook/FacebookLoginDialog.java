package org.socialsuite.simulator.facebook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;
import org.socialsuite.simulator.brand.ConsentPage;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * Facebook Login's dialog ({@code www.facebook.com/dialog/oauth}), code flow: the administrator
 * picks the pages the app may manage, and is sent back to {@code redirect_uri} with a one-time
 * {@code code} (or {@code error=access_denied}) and the app's {@code state}.
 */
@Path("/facebook/dialog/oauth")
public class FacebookLoginDialog {

    private final BrandAccounts accounts;
    private final SimulatorConfig config;

    public FacebookLoginDialog(BrandAccounts accounts, SimulatorConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response dialog(
            @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state,
            @QueryParam("scope") String scope) {
        if (!config.apps().facebookAppId().equals(clientId)
                || !ConsentPage.redirectable(redirectUri)) {
            return Response.status(400)
                    .entity(ConsentPage.error("Facebook", "Invalid App ID or redirect_uri"))
                    .build();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("redirect_uri", redirectUri);
        hidden.put("state", state);
        Map<String, String> pages = new LinkedHashMap<>();
        for (ConnectedAccount page : accounts.on(Channel.FACEBOOK)) {
            pages.put(page.externalId(), page.pageName().orElse(page.externalId()));
        }
        return Response.ok(
                        ConsentPage.render(
                                "Facebook",
                                "Social Suite",
                                "would like to manage the messages and comments of the pages you"
                                        + " choose ("
                                        + (scope == null ? "" : scope)
                                        + ").",
                                "/facebook/dialog/oauth/grant",
                                hidden,
                                "page",
                                pages,
                                true,
                                redirect(
                                                redirectUri,
                                                Map.of(
                                                        "error", "access_denied",
                                                        "error_reason", "user_denied",
                                                        "error_description", "Permissions error"),
                                                state)
                                        .toString()))
                .build();
    }

    @GET
    @Path("/grant")
    public Response grant(
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state,
            @QueryParam("page") List<String> pages) {
        if (!ConsentPage.redirectable(redirectUri)) {
            return Response.status(400).build();
        }
        List<String> granted =
                pages.stream()
                        .filter(id -> accounts.byExternalId(Channel.FACEBOOK, id).isPresent())
                        .toList();
        String code = accounts.facebookCode(granted, redirectUri);
        return Response.seeOther(redirect(redirectUri, Map.of("code", code), state)).build();
    }

    private static URI redirect(String redirectUri, Map<String, String> parameters, String state) {
        UriBuilder uri = UriBuilder.fromUri(redirectUri);
        parameters.forEach((name, value) -> uri.queryParam(name, value));
        if (state != null) {
            uri.queryParam("state", state);
        }
        return uri.build();
    }
}
