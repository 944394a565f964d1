package org.socialsuite.ingest.traffic;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.socialsuite.support.consumer.AssignedReader;
import org.socialsuite.support.replay.InboundReplay;

/**
 * Reads the inbound topic's keys and write times, never its values, in every replica: from the
 * look-back as the replica starts, then as it grows. A record's key starts with its account ({@code
 * accountId:consumerId}); a replayed copy ({@link InboundReplay}) is not new traffic and is
 * skipped.
 */
@ApplicationScoped
public class TrafficFeed {

    private static final Logger LOG = Logger.getLogger(TrafficFeed.class);

    private final AccountTraffic traffic;
    private final TrafficConfig config;
    private final Clock clock;
    private final AssignedReader reader;

    public TrafficFeed(
            AccountTraffic traffic, TrafficConfig config, Config kafkaConfig, Clock clock) {
        this.traffic = traffic;
        this.config = config;
        this.clock = clock;
        this.reader =
                new AssignedReader(
                        "account-traffic",
                        config.topic(),
                        kafkaConfig,
                        AssignedReader.since(() -> clock.instant().minus(config.lookback())),
                        this::apply,
                        () ->
                                LOG.infof(
                                        "Account traffic: read %s back %s",
                                        config.topic(), config.lookback()));
    }

    void start(@Observes StartupEvent startup) {
        reader.open();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reader.close();
    }

    /** Whether the look-back has been read to where the topic ended as the replica started. */
    public boolean caughtUp() {
        return reader.caughtUp();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null || record.headers().lastHeader(InboundReplay.REPLAYED_FROM) != null) {
            return;
        }
        int colon = key.indexOf(':');
        traffic.record(
                colon < 0 ? key : key.substring(0, colon),
                Instant.ofEpochMilli(record.timestamp()));
    }
}
