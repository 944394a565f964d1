package org.socialsuite.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Hands the test JVM's real broker to the application under test. Declare it with
 * {@code @WithTestResource(KafkaResource.class)}; the broker outlives the application restarts
 * between test profiles.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker belongs to the JVM, not to one application start.
    }
}
