package org.socialsuite.ingest.webhook.twitter;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

@Path("/webhooks/twitter")
@Tag(name = "Twitter/X webhooks")
public class TwitterWebhookResource {

    private final TwitterSignature signature;
    private final TwitterWebhookParser parser;
    private final WebhookIntake intake;
    private final WebhookMetrics metrics;

    public TwitterWebhookResource(
            TwitterSignature signature,
            AccountRegistry accounts,
            WebhookIntake intake,
            WebhookMetrics metrics) {
        this.signature = signature;
        this.parser =
                new TwitterWebhookParser(userId -> accounts.byExternalId(Channel.TWITTER, userId));
        this.intake = intake;
        this.metrics = metrics;
    }

    /** The answer to a CRC check. */
    public record CrcResponse(@JsonProperty("response_token") String responseToken) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The CRC check: signs crc_token with the consumer secret",
            description =
                    "crc_token must be a base64 or base64url string of at most 256 characters;"
                            + " anything else is 400 and counted (social.webhook.crc.refused).")
    public CrcResponse crc(@RestQuery("crc_token") String crcToken) {
        try {
            return new CrcResponse(signature.crcResponse(crcToken));
        } catch (WebhookRejected refused) {
            metrics.crcRefused(Channel.TWITTER);
            throw refused;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Account Activity events: tweets, Direct Messages, deletions",
            description =
                    "Answers 200 only when every event is acknowledged by Kafka; 401 for a missing"
                        + " or wrong x-twitter-webhooks-signature, 400 for malformed JSON, 413 for"
                        + " a body over the limit, 503 when Kafka does not acknowledge.")
    public Uni<WebhookAccepted> receive(
            @RestHeader("x-twitter-webhooks-signature") List<String> signatureHeader, byte[] body) {
        Instant receivedAt = Instant.now();
        try {
            signature.verify(
                    body, SignatureHeader.single(signatureHeader, "x-twitter-webhooks-signature"));
        } catch (WebhookRejected rejected) {
            metrics.signatureFailure(Channel.TWITTER);
            throw rejected;
        }
        return intake.accept(Channel.TWITTER, parser.parse(body, receivedAt));
    }
}
