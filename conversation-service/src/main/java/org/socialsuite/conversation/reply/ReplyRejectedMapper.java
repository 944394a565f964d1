package org.socialsuite.conversation.reply;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.socialsuite.support.api.ErrorResponse;

/** A refused reply, from any endpoint that sends replies: its status with the reason. */
public class ReplyRejectedMapper {

    @ServerExceptionMapper
    public Response rejected(ReplyRejected rejected) {
        return Response.status(rejected.status())
                .entity(new ErrorResponse(rejected.error(), rejected.getMessage()))
                .build();
    }
}
