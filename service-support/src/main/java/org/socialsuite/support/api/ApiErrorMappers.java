package org.socialsuite.support.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.support.LogSafe;

/** Maps failures to {@code {error, message}} with the right status. */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(
                status,
                Response.Status.fromStatusCode(status).name().toLowerCase(),
                e.getMessage());
    }

    /**
     * What a request's values broke deep inside is not for the caller: our own refusals are {@code
     * BadRequestException}s with our words; anything else gets a generic answer.
     */
    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        LOG.debugf("Refused a request: %s", LogSafe.value(e.getMessage()));
        return json(400, "bad_request", "The request is malformed");
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return json(500, "internal_error", "Something went wrong; it has been logged");
    }

    private static Response json(int status, String error, String message) {
        return Response.status(status).entity(new ErrorResponse(error, message)).build();
    }
}
