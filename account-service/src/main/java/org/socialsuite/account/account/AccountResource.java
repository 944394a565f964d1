package org.socialsuite.account.account;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialsuite.account.connect.Connections;
import org.socialsuite.account.connect.FacebookLogin;
import org.socialsuite.account.connect.LoginOptions;
import org.socialsuite.account.connect.NetworkApps;
import org.socialsuite.account.connect.XLogin;
import org.socialsuite.support.api.AgentIdentity;

/**
 * The administrators' API over their brand's connected accounts. An agent without the {@code admin}
 * group is refused (403); another brand's account is not found (404). No answer ever holds a
 * credential.
 */
@Path("/api/accounts")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Connected accounts")
public class AccountResource {

    private final Accounts accounts;
    private final Connections connections;
    private final NetworkApps apps;
    private final JsonWebToken token;

    public AccountResource(
            Accounts accounts, Connections connections, NetworkApps apps, JsonWebToken token) {
        this.accounts = accounts;
        this.connections = connections;
        this.apps = apps;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The brand's connected accounts",
            description = "Without credentials: credentialKey names the key each is sealed under.")
    public Uni<List<AccountView>> list() {
        return accounts.ofBrand(brand()).map(found -> found.stream().map(AccountView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the brand's connected accounts; another brand's is not found")
    public Uni<AccountView> get(@PathParam("id") String id) {
        return accounts.get(brand(), id).map(AccountView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Connect a Facebook page or an X account",
            description =
                    "The access token is sealed at once and never returned; 409 if the page or"
                            + " account is connected already. Announced on social.account.v1.")
    public Uni<Response> connect(ConnectAccount request) {
        return accounts.connect(brand(), request)
                .map(
                        account ->
                                Response.created(URI.create("/api/accounts/" + account.id))
                                        .entity(AccountView.of(account))
                                        .build());
    }

    @GET
    @Path("/login-options")
    @Operation(
            summary = "Where to send an administrator to log in to Facebook or X",
            description = "The app ids are public; secrets stay on the server.")
    public LoginOptions loginOptions() {
        return LoginOptions.of(apps);
    }

    @POST
    @Path("/facebook")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Connect the pages granted in Facebook Login",
            description =
                    "Exchanges Login's code for a user token, fetches the granted pages with their"
                        + " page tokens (/me/accounts), subscribes the app to each page's webhooks"
                        + " (/{page-id}/subscribed_apps) and connects each page, or renews its"
                        + " token if the brand had it. 400 if Facebook refused, 502 if it could not"
                        + " be reached, 409 if another brand has one of the pages.")
    public Uni<List<AccountView>> connectFacebook(FacebookLogin login) {
        return connections
                .facebook(brand(), login.code(), login.redirectUri())
                .map(connected -> connected.stream().map(AccountView::of).toList());
    }

    @POST
    @Path("/x")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Connect the X account authorised on X's consent page",
            description =
                    "Exchanges the OAuth 2.0 code and PKCE verifier for the account's token, asks"
                            + " whose it is (/2/users/me), subscribes the app's Account Activity"
                            + " webhook to it, and connects it (or renews its token).")
    public Uni<AccountView> connectX(XLogin login) {
        return connections
                .x(brand(), login.code(), login.redirectUri(), login.codeVerifier())
                .map(AccountView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change names, the public and private switches, or the access token",
            description = "An absent field stays as it is. Announced on social.account.v1.")
    public Uni<AccountView> update(@PathParam("id") String id, UpdateAccount request) {
        return accounts.update(brand(), id, request).map(AccountView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Disconnect an account",
            description =
                    "Every service forgets it: its key gets a tombstone on social.account.v1.")
    public Uni<Response> disconnect(@PathParam("id") String id) {
        return accounts.disconnect(brand(), id).replaceWith(Response.noContent().build());
    }

    private String brand() {
        return AgentIdentity.of(token).brandId();
    }
}
