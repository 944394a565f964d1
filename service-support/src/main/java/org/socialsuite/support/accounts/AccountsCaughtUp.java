package org.socialsuite.support.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this replica's view of the connected accounts has read the whole topic once, and for
 * as long as it follows it.
 */
@Readiness
@ApplicationScoped
public class AccountsCaughtUp implements HealthCheck {

    private final AccountFeed feed;
    private final AccountRegistry registry;

    public AccountsCaughtUp(AccountFeed feed, AccountRegistry registry) {
        this.feed = feed;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("connected-accounts")
                .status(feed.caughtUp() && feed.following())
                .withData("accounts", registry.size())
                .withData(
                        "latestChange",
                        registry.latestChange().map(Instant::toString).orElse("none"))
                .build();
    }
}
