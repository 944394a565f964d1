package org.socialsuite.workspace.signin;

import io.smallrye.jwt.build.Jwt;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.socialsuite.support.accounts.configured.ConfiguredAccounts;
import org.socialsuite.workspace.gateway.GatewayConfig;

/**
 * Development sign-in: a demo agent of a demo brand gets a signed agent token. The signing key
 * stays on this server; the browser only ever holds the token, as it would from an identity
 * provider.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignInResource {

    private final ConfiguredAccounts accounts;
    private final GatewayConfig config;

    public SignInResource(ConfiguredAccounts accounts, GatewayConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    /** A demo agent; an administrator (the {@code admin} group) also manages the accounts. */
    public record DemoAgent(String agentId, String brandId, boolean admin) {}

    public record SignIn(String agentId) {}

    /**
     * @param admin whether the agent may open the Accounts page
     */
    public record Session(
            String token, String agentId, String brandId, boolean admin, Instant expiresAt) {}

    @GET
    @Path("/demo-agents")
    public List<DemoAgent> demoAgents() {
        requireDevSignIn();
        return brands().stream()
                .flatMap(
                        brand ->
                                java.util.stream.Stream.of(
                                        new DemoAgent(brand + "-agent-1", brand, false),
                                        new DemoAgent(brand + "-agent-2", brand, false),
                                        new DemoAgent(brand + "-admin-1", brand, true)))
                .toList();
    }

    @POST
    @Path("/sign-in")
    public Session signIn(SignIn request) {
        requireDevSignIn();
        DemoAgent agent =
                demoAgents().stream()
                        .filter(a -> a.agentId().equals(request == null ? null : request.agentId()))
                        .findFirst()
                        .orElseThrow(() -> new BadRequestException("No such demo agent"));
        Instant expiresAt = Instant.now().plus(config.devSignIn().tokenLifetime());
        String token =
                Jwt.subject(agent.agentId())
                        .upn(agent.agentId())
                        .groups(agent.admin() ? Set.of("agent", "admin") : Set.of("agent"))
                        .claim("brand", agent.brandId())
                        .expiresAt(expiresAt)
                        .sign();
        return new Session(token, agent.agentId(), agent.brandId(), agent.admin(), expiresAt);
    }

    private List<String> brands() {
        return accounts.all().stream().map(a -> a.brandId()).distinct().sorted().toList();
    }

    private void requireDevSignIn() {
        if (!config.devSignIn().enabled()) {
            throw new NotFoundException("Sign in with the identity provider");
        }
    }
}
