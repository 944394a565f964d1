package org.socialsuite.support.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A malformed {@code Accept} or {@code Content-Type} is the client's error: 400 before any resource
 * runs. Otherwise the framework fails to parse it while writing the answer, which is a 500.
 */
public class MediaTypeHeaders {

    @ServerRequestFilter(preMatching = true)
    public Response refuseMalformed(ContainerRequestContext request) {
        for (String name : new String[] {HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE}) {
            for (String value : request.getHeaders().getOrDefault(name, List.of())) {
                if (!parses(value)) {
                    return Response.status(Response.Status.BAD_REQUEST)
                            .type(MediaType.APPLICATION_JSON)
                            .entity(
                                    new ErrorResponse(
                                            "bad_request",
                                            "The " + name + " header is not a valid media type"))
                            .build();
                }
            }
        }
        return null;
    }

    private static boolean parses(String header) {
        try {
            for (String mediaType : header.split(",")) {
                if (!mediaType.isBlank()) {
                    MediaType.valueOf(mediaType.trim());
                }
            }
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
