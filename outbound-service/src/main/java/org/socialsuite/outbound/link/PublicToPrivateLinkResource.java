package org.socialsuite.outbound.link;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.api.AgentIdentity;

@Path("/api/outbound/accounts/{accountId}/public-to-private-link")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Public to Private")
public class PublicToPrivateLinkResource {

    private final AccountRegistry accounts;
    private final JsonWebToken token;

    public PublicToPrivateLinkResource(AccountRegistry accounts, JsonWebToken token) {
        this.accounts = accounts;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The link that invites a consumer into the brand's private channel",
            description = "m.me/<page name> for Facebook, the DM compose link for Twitter/X.")
    public PublicToPrivateLink get(@RestPath String accountId) {
        String brandId = AgentIdentity.of(token).brandId();
        return accounts.byId(accountId)
                .filter(account -> account.brandId().equals(brandId))
                .map(PublicToPrivateLink::of)
                .orElseThrow(() -> new NotFoundException("No account " + accountId));
    }
}
