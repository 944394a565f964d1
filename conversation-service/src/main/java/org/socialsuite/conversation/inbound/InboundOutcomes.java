package org.socialsuite.conversation.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.socialsuite.events.SocialEventReceived;

/**
 * What became of each inbound event, counted by channel, kind and outcome once its transaction
 * committed (a batch retried one by one is not counted twice), and for stored messages the time
 * from the webhook's arrival at ingest to the message in the database.
 */
@ApplicationScoped
class InboundOutcomes {

    private final MeterRegistry metrics;

    InboundOutcomes(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void countAll(List<SocialEventReceived> events, List<String> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            count(events.get(i), outcomes.get(i));
        }
    }

    void count(SocialEventReceived event, String outcome) {
        metrics.counter(
                        "conversation.inbound.events",
                        "channel",
                        event.channel().name(),
                        "kind",
                        event.kind().name(),
                        "outcome",
                        outcome)
                .increment();
        if (outcome.equals("stored")) {
            metrics.timer("conversation.inbound.latency", "channel", event.channel().name())
                    .record(Duration.between(event.receivedAt(), Instant.now()));
        }
    }
}
