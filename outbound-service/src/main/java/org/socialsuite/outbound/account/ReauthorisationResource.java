package org.socialsuite.outbound.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.api.AgentIdentity;

/**
 * Which of the brand's accounts need re-authorisation, for the workspace's Accounts page:
 * connecting the account again (its login flow renews the token) clears it.
 */
@Path("/api/outbound/accounts/reauthorisations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Connected accounts")
public class ReauthorisationResource {

    private final AccountAuthorisations authorisations;
    private final AccountRegistry accounts;
    private final JsonWebToken token;

    public ReauthorisationResource(
            AccountAuthorisations authorisations, AccountRegistry accounts, JsonWebToken token) {
        this.authorisations = authorisations;
        this.accounts = accounts;
        this.token = token;
    }

    /** An account the network refused the token of, why, and since when. */
    public record Reauthorisation(String accountId, String reason, Instant since) {}

    @GET
    @Operation(
            summary = "The brand's accounts whose token a network refused",
            description =
                    "Until an administrator connects the account again or a send succeeds; the same"
                            + " answer from every replica.")
    public List<Reauthorisation> list() {
        String brandId = AgentIdentity.of(token).brandId();
        return authorisations.refused().entrySet().stream()
                .filter(
                        flag ->
                                accounts.byId(flag.getKey())
                                        .filter(account -> account.brandId().equals(brandId))
                                        .isPresent())
                .map(
                        flag ->
                                new Reauthorisation(
                                        flag.getKey(),
                                        flag.getValue().reason(),
                                        flag.getValue().at()))
                .toList();
    }
}
