package org.socialsuite.conversation.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The agent behind the request: who (sub) and for which brand (the brand claim). */
@RequestScoped
public class Agent {

    private final JsonWebToken token;

    public Agent(JsonWebToken token) {
        this.token = token;
    }

    public String id() {
        return token.getSubject();
    }

    /** Every query is scoped to this brand; a token without one gets nothing. */
    public String brandId() {
        Object brand = token.getClaim("brand");
        String value = brand instanceof JsonString json ? json.getString() : (String) brand;
        if (value == null || value.isBlank()) {
            throw new ForbiddenException("The token carries no brand claim");
        }
        return value;
    }
}
