package org.socialsuite.ingest.webhook.facebook;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.socialsuite.events.Channel;
import org.socialsuite.ingest.webhook.SignatureHeader;
import org.socialsuite.ingest.webhook.WebhookIntake;
import org.socialsuite.ingest.webhook.WebhookIntake.WebhookAccepted;
import org.socialsuite.ingest.webhook.WebhookMetrics;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.accounts.AccountRegistry;

@Path("/webhooks/facebook")
@Tag(name = "Facebook webhooks")
public class FacebookWebhookResource {

    private final FacebookWebhookConfig config;
    private final FacebookSignature signature;
    private final FacebookWebhookParser parser;
    private final WebhookIntake intake;
    private final WebhookMetrics metrics;

    public FacebookWebhookResource(
            FacebookWebhookConfig config,
            FacebookSignature signature,
            AccountRegistry accounts,
            WebhookIntake intake,
            WebhookMetrics metrics) {
        this.config = config;
        this.signature = signature;
        this.parser =
                new FacebookWebhookParser(
                        pageId -> accounts.byExternalId(Channel.FACEBOOK, pageId));
        this.intake = intake;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary =
                    "The subscription handshake: echoes hub.challenge when the verify token"
                            + " matches")
    public Response verify(
            @RestQuery("hub.mode") String mode,
            @RestQuery("hub.verify_token") String verifyToken,
            @RestQuery("hub.challenge") String challenge) {
        boolean tokenMatches =
                verifyToken != null
                        && MessageDigest.isEqual(
                                config.verifyToken().getBytes(StandardCharsets.UTF_8),
                                verifyToken.getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && tokenMatches && challenge != null) {
            return Response.ok(challenge).build();
        }
        return Response.status(Response.Status.FORBIDDEN).entity("verification failed").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Page feed and Messenger events",
            description =
                    "Answers 200 only when every event is acknowledged by Kafka; 401 for a missing"
                        + " or wrong X-Hub-Signature-256, 400 for malformed JSON, 413 for a body"
                        + " over the limit, 503 when Kafka does not acknowledge.")
    public Uni<WebhookAccepted> receive(
            @RestHeader("X-Hub-Signature-256") List<String> signature256,
            @RestHeader("X-Hub-Signature") List<String> signatureSha1,
            byte[] body) {
        Instant receivedAt = Instant.now();
        try {
            signature.verify(
                    body,
                    SignatureHeader.single(signature256, "X-Hub-Signature-256"),
                    SignatureHeader.single(signatureSha1, "X-Hub-Signature"));
        } catch (WebhookRejected rejected) {
            metrics.signatureFailure(Channel.FACEBOOK);
            throw rejected;
        }
        return intake.accept(Channel.FACEBOOK, parser.parse(body, receivedAt));
    }
}
