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
    private final JsonWebToken token;

    public AccountResource(Accounts accounts, JsonWebToken token) {
        this.accounts = accounts;
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
