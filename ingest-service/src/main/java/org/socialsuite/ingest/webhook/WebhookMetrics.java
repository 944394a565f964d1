package org.socialsuite.ingest.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.socialsuite.events.Channel;
import org.socialsuite.events.SocialEventReceived;

/** Counts what the webhooks bring, by channel, kind and outcome, and how long publishing takes. */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(SocialEventReceived event) {
        countEvent(event, event.fromBrand() ? "published_brand" : "published");
    }

    public void failed(SocialEventReceived event) {
        countEvent(event, "publish_failed");
    }

    public void skipped(Channel channel, ParsedWebhook.SkippedItem item) {
        registry.counter(
                        "social.webhook.events",
                        "channel",
                        channel.name(),
                        "kind",
                        item.type(),
                        "outcome",
                        item.reason().name().toLowerCase())
                .increment();
    }

    public void signatureFailure(Channel channel) {
        registry.counter("social.webhook.signature.failures", "channel", channel.name())
                .increment();
    }

    /** A verification challenge we would not answer: someone probing for a signing oracle. */
    public void crcRefused(Channel channel) {
        registry.counter("social.webhook.crc.refused", "channel", channel.name()).increment();
    }

    public Timer.Sample startPublish() {
        return Timer.start(registry);
    }

    public void stopPublish(Timer.Sample sample, Channel channel, boolean acknowledged) {
        sample.stop(
                registry.timer(
                        "social.webhook.publish",
                        "channel",
                        channel.name(),
                        "outcome",
                        acknowledged ? "acknowledged" : "failed"));
    }

    private void countEvent(SocialEventReceived event, String outcome) {
        registry.counter(
                        "social.webhook.events",
                        "channel",
                        event.channel().name(),
                        "kind",
                        event.kind().name(),
                        "outcome",
                        outcome)
                .increment();
    }
}
