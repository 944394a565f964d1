package org.socialsuite.support.api;

import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The agent behind a request's token: who ({@code sub}) and for which brand ({@code brand}). */
public record AgentIdentity(String agentId, String brandId) {

    /**
     * Every query is scoped to the token's brand; a token without one, or with anything but a
     * string there (an array, a number, an object), gets nothing.
     */
    public static AgentIdentity of(JsonWebToken token) {
        String brandId = stringClaim(token, "brand");
        if (brandId == null || brandId.isBlank()) {
            throw new ForbiddenException("The token carries no brand");
        }
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            throw new ForbiddenException("The token names no agent");
        }
        return new AgentIdentity(token.getSubject(), brandId);
    }

    /** A claim's value when it is a string (as JSON or as Java), otherwise null. */
    public static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value instanceof JsonString json
                ? json.getString()
                : value instanceof String text ? text : null;
    }
}
