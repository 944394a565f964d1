package org.socialsuite.conversation.agent;

import io.smallrye.mutiny.Uni;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

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
        String brand = claim("brand");
        String agent = token.getSubject();
        if (brand == null || agent == null || !token.getGroups().contains("agent")) {
            return Uni.createFrom().voidItem();
        }
        String name = claim("name");
        return roster.seen(brand, agent, name != null ? name : agent)
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            LOG.debugf(failure, "Agent %s not written to the roster", agent);
                            return Uni.createFrom().voidItem();
                        });
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString json
                ? json.getString()
                : value instanceof String text ? text : null;
    }
}
