package org.socialsuite.support.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return json(400, "bad_request", e.getMessage());
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
