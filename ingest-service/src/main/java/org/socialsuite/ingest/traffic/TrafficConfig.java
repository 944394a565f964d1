package org.socialsuite.ingest.traffic;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How the accounts' traffic is watched: {@code ingest.traffic.*}. */
@ConfigMapping(prefix = "ingest.traffic")
public interface TrafficConfig {

    /** The topic whose records are the accounts' traffic. */
    @WithDefault("social.inbound.v1")
    String topic();

    /**
     * How far back a replica reads the topic as it starts, and how recent an account's last event
     * must be for it to count as one that normally receives traffic (up to the topic's retention).
     */
    @WithDefault("P7D")
    Duration lookback();

    /**
     * How long an account may be silent before it is reported: {@code
     * ingest.traffic.silence.<accountId>}, and {@code default} for every other account.
     */
    Map<String, Duration> silence();
}
