package org.socialsuite.outbound.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Lists the accounts that need re-authorisation in the readiness answer. It stays UP: one brand's
 * expired token must not take the service away from every other account.
 */
@Readiness
@ApplicationScoped
public class AccountAuthorisationCheck implements HealthCheck {

    private final AccountAuthorisations authorisations;

    public AccountAuthorisationCheck(AccountAuthorisations authorisations) {
        this.authorisations = authorisations;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("connected-account-tokens").up();
        authorisations
                .refused()
                .forEach(
                        (accountId, refusal) ->
                                response.withData(
                                        accountId,
                                        "needs re-authorisation since "
                                                + refusal.at()
                                                + ": "
                                                + refusal.reason()));
        return response.build();
    }
}
