package org.socialsuite.profile.network;

import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.support.api.ErrorResponse;

/**
 * A look-up the network could not answer, with nothing to fall back on: 404 when the network says
 * it does not exist, else 503 with a Retry-After when the network named one.
 */
public class UpstreamFailureMapper {

    private final Clock clock;

    public UpstreamFailureMapper(Clock clock) {
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response upstream(UpstreamFailure failure) {
        if (failure.kind() == UpstreamFailure.Kind.NOT_FOUND) {
            return Response.status(404)
                    .entity(new ErrorResponse("not_found", failure.getMessage()))
                    .build();
        }
        Response.ResponseBuilder response =
                Response.status(503)
                        .entity(new ErrorResponse("network_unavailable", failure.getMessage()));
        if (failure.retryAt() != null) {
            long seconds = Duration.between(clock.instant(), failure.retryAt()).toSeconds();
            response.header("Retry-After", Math.max(1, seconds));
        }
        return response.build();
    }
}
