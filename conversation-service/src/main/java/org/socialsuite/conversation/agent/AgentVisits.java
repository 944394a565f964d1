package org.socialsuite.conversation.agent;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.socialsuite.support.api.AgentIdentity;

/**
 * Every request an agent makes puts them on their brand's roster (see {@link AgentRoster}); the
 * roster is bookkeeping, so a failure to write it never fails the request.
 */
public class AgentVisits {

    private static final Logger LOG = Logger.getLogger(AgentVisits.class);

    private final AgentRoster roster;
    private final JsonWebToken token;

    public AgentVisits(AgentRoster roster, JsonWebToken token) {
        this.roster = roster;
        this.token = token;
    }

    @ServerRequestFilter
    public Uni<Void> seen() {
        String brand = AgentIdentity.stringClaim(token, "brand");
        String agent = token.getSubject();
        if (brand == null || agent == null || !token.getGroups().contains("agent")) {
            return Uni.createFrom().voidItem();
        }
        String name = AgentIdentity.stringClaim(token, "name");
        return roster.seen(brand, agent, name != null ? name : agent)
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            LOG.debugf(failure, "Agent %s not written to the roster", agent);
                            return Uni.createFrom().voidItem();
                        });
    }
}
