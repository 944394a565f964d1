package org.socialsuite.conversation.conversation;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.socialsuite.conversation.conversation.ConversationViews.Detail;
import org.socialsuite.conversation.conversation.ConversationViews.Page;
import org.socialsuite.conversation.message.TranscriptMessage;
import org.socialsuite.conversation.message.TranscriptPage;
import org.socialsuite.conversation.stream.ConversationStream;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.support.api.AgentIdentity;
import org.socialsuite.support.api.QueryValues;

@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agent")
@SecurityRequirement(name = "jwt")
@Tag(name = "Conversations")
public class ConversationResource {

    private final ConversationService service;
    private final ConversationStream stream;
    private final JsonWebToken token;

    public ConversationResource(
            ConversationService service, ConversationStream stream, JsonWebToken token) {
        this.service = service;
        this.stream = stream;
        this.token = token;
    }

    @GET
    @Operation(
            summary = "The brand's conversations, a page at a time",
            description =
                    "view: ALL (the default), MINE (the agent's own) or UNASSIGNED (the queue);"
                            + " sort: ACTIVITY (the latest activity first, the default) or DUE"
                            + " (only conversations awaiting an answer, the soonest due first)."
                            + " Each item says who owns it and when its answer is due.")
    public Uni<Page> list(
            @RestQuery String status,
            @RestQuery String channel,
            @RestQuery String view,
            @RestQuery String sort,
            @RestQuery @DefaultValue("50") int limit,
            @RestQuery String cursor) {
        checkLimit(limit);
        AgentIdentity agent = AgentIdentity.of(token);
        ConversationQuery.View shown =
                QueryValues.parse(ConversationQuery.View.class, "view", view);
        ConversationQuery.Sort order =
                QueryValues.parse(ConversationQuery.Sort.class, "sort", sort);
        return service.list(
                new ConversationQuery(
                        agent.brandId(),
                        agent.agentId(),
                        QueryValues.parse(ConversationStatus.class, "status", status),
                        QueryValues.parse(Channel.class, "channel", channel),
                        shown == null ? ConversationQuery.View.ALL : shown,
                        order == null ? ConversationQuery.Sort.ACTIVITY : order),
                limit,
                cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation, with the reply mode the toggle defaults to")
    public Uni<Detail> get(@RestPath UUID id) {
        return service.get(brand(), id);
    }

    @GET
    @Path("/{id}/messages")
    @Operation(
            summary = "The transcript a page at a time, each message with its indicator fields",
            description =
                    "The latest `limit` messages, or with `before` (a page's olderCursor) the ones"
                            + " before them; each page in time order.")
    public Uni<TranscriptPage> messages(
            @RestPath UUID id, @RestQuery @DefaultValue("50") int limit, @RestQuery String before) {
        checkLimit(limit);
        return service.transcript(brand(), id, before, limit);
    }

    @GET
    @Path("/{id}/messages/{messageId}")
    @Operation(
            summary = "One message of the transcript",
            description = "What the workspace fetches when the stream names a message.")
    public Uni<TranscriptMessage> message(@RestPath UUID id, @RestPath UUID messageId) {
        return service.message(brand(), id, messageId);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Live events of the brand's conversations",
            description =
                    "Server-sent events, each a JSON object with a type: MessageRecorded (a new"
                            + " message), MessageChanged (edited, deleted, hidden or unhidden on"
                            + " the network), DeliveryStatusChanged (a reply's delivery),"
                            + " ConversationClosed, ConversationReopened (the consumer wrote"
                            + " again), ConversationAssigned and ConversationUnassigned (who owns"
                            + " it). The service may end a stream (a replica's"
                            + " restart, a client fallen 1,024 events behind): reconnect, then"
                            + " reload the conversations, which also covers what happened while"
                            + " disconnected.")
    public Multi<ConversationEvent> stream() {
        return stream.forBrand(brand());
    }

    @POST
    @Path("/{id}/close")
    @Operation(
            summary = "Close the conversation",
            description =
                    "The consumer's next message reopens it to the queue; after the brand's reopen"
                            + " window (conversation.queue.reopen-within, 7 days) it opens a new"
                            + " one.")
    public Uni<Detail> close(@RestPath UUID id) {
        AgentIdentity agent = AgentIdentity.of(token);
        return service.close(agent.brandId(), agent.agentId(), id);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 200) {
            throw new BadRequestException("limit must be between 1 and 200");
        }
    }

    private String brand() {
        return AgentIdentity.of(token).brandId();
    }
}
