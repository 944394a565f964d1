package org.socialsuite.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import org.socialsuite.localstack.kafka.KafkaBroker;
import org.socialsuite.localstack.kafka.SuiteTopics;

/**
 * A broker of its own for tests that take Kafka away and bring it back (outages, recovery). Use it
 * from a test profile; {@link #broker()} gives the test the handle to stop and start it.
 */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = TestKafka.startOwnBroker(Path.of("target", "kafka-restartable-broker"));
        SuiteTopics.create(broker.bootstrapServers(), TestKafka.PARTITIONS);
        TestAccounts.publish(broker.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        broker.stop();
    }
}
