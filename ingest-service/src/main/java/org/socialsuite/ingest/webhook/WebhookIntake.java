package org.socialsuite.ingest.webhook;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.socialsuite.events.Channel;
import org.socialsuite.ingest.publish.InboundPublisher;
import org.socialsuite.support.LogSafe;
import org.socialsuite.support.accounts.AccountRegistry;

/** What every network's webhook does once parsed: count, publish durably, answer. */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final InboundPublisher publisher;
    private final WebhookMetrics metrics;
    private final AccountRegistry accounts;

    public WebhookIntake(
            InboundPublisher publisher, WebhookMetrics metrics, AccountRegistry accounts) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.accounts = accounts;
    }

    /**
     * Publishes what the brand takes in from each account; what its administrator turned off is
     * acknowledged to the network (it would only send it again) and counted, not published.
     */
    public Uni<WebhookAccepted> accept(Channel channel, ParsedWebhook parsed) {
        ParsedWebhook webhook =
                parsed.keeping(event -> accounts.receives(event.accountId(), event.visibility()));
        for (ParsedWebhook.SkippedItem item : webhook.skipped()) {
            metrics.skipped(channel, item);
            if (item.reason() == ParsedWebhook.Reason.UNKNOWN_ACCOUNT) {
                LOG.warnf(
                        "%s webhook for an unknown account dropped: %s",
                        channel, LogSafe.value(item.detail()));
            }
        }
        Timer.Sample publishing = metrics.startPublish();
        return publisher
                .publishAll(webhook.events())
                .onItem()
                .invoke(
                        () -> {
                            metrics.stopPublish(publishing, channel, true);
                            webhook.events().forEach(metrics::published);
                        })
                .onFailure()
                .invoke(
                        () -> {
                            metrics.stopPublish(publishing, channel, false);
                            webhook.events().forEach(metrics::failed);
                        })
                .replaceWith(
                        new WebhookAccepted(webhook.events().size(), webhook.skipped().size()));
    }

    /** The 200 answer: how many events went to Kafka, how many items were counted and skipped. */
    public record WebhookAccepted(int published, int skipped) {}
}
