package org.socialsuite.ingest.webhook;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.ingest.publish.PublishFailed;
import org.socialsuite.support.api.ErrorResponse;

/** Maps refusals and failures to {@code {error, message}} answers with the right status. */
public class WebhookErrorMappers {

    private static final Logger LOG = Logger.getLogger(WebhookErrorMappers.class);

    @ServerExceptionMapper
    public Response rejected(WebhookRejected rejected) {
        return Response.status(rejected.status())
                .entity(new ErrorResponse(rejected.error(), rejected.getMessage()))
                .build();
    }

    /** The network retries on 503, and downstream deduplication makes the retry safe. */
    @ServerExceptionMapper
    public Response publishFailed(PublishFailed failed) {
        LOG.warnf("Webhook answered 503: %s", failed.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .entity(
                        new ErrorResponse(
                                "kafka_unavailable",
                                "The events could not be stored right now; retry later"))
                .build();
    }
}
