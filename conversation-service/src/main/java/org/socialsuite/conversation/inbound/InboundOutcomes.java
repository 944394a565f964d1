package org.socialsuite.conversation.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.socialsuite.events.Channel;
import org.socialsuite.events.SocialEventReceived;

/**
 * What became of each inbound event, counted by channel, kind and outcome once its transaction
 * committed (a batch retried one by one is not counted twice), and for stored messages the time
 * from the webhook's arrival at ingest to the message in the database, as a histogram so that the
 * dashboard and the alerts can take its percentiles across replicas.
 */
@ApplicationScoped
class InboundOutcomes {

    private final MeterRegistry metrics;
    private final Map<Channel, Timer> latencies = new EnumMap<>(Channel.class);

    InboundOutcomes(MeterRegistry metrics) {
        this.metrics = metrics;
        for (Channel channel : Channel.values()) {
            latencies.put(
                    channel,
                    Timer.builder("conversation.inbound.latency")
                            .description(
                                    "From the webhook's arrival at ingest to the stored message")
                            .tag("channel", channel.name())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(5))
                            .maximumExpectedValue(Duration.ofMinutes(2))
                            .register(metrics));
        }
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
            latencies
                    .get(event.channel())
                    .record(Duration.between(event.receivedAt(), Instant.now()));
        }
    }
}
