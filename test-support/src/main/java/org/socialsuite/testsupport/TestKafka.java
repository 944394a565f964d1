package org.socialsuite.testsupport;

import java.nio.file.Path;
import org.socialsuite.localstack.kafka.KafkaBroker;
import org.socialsuite.localstack.kafka.SuiteTopics;

/**
 * The Kafka cluster of a test JVM: {@code KAFKA_BOOTSTRAP_SERVERS} when set, otherwise one real
 * broker started on free ports the first time a test asks and stopped when the JVM exits (or, if
 * the JVM is killed, when the broker notices its parent is gone). Its topics are created and the
 * accounts the tests work with are on {@code social.account.v1} ({@link TestAccounts}), as
 * account-service would have announced them.
 */
public final class TestKafka {

    /** Partitions per topic in tests: enough to exercise keying, few enough to start fast. */
    public static final int PARTITIONS = 3;

    private static String bootstrapServers;
    private static KafkaBroker ownBroker;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                bootstrapServers = external;
            } else {
                ownBroker = startOwnBroker(Path.of("target", "kafka-test-broker"));
                bootstrapServers = ownBroker.bootstrapServers();
            }
            SuiteTopics.create(bootstrapServers, PARTITIONS);
            TestAccounts.publish(bootstrapServers);
        }
        return bootstrapServers;
    }

    /**
     * The broker {@link #bootstrapServers()} started in this JVM, for fault injection; null when
     * the tests use an external one ({@code KAFKA_BOOTSTRAP_SERVERS}), which is not theirs to stop.
     */
    public static synchronized KafkaBroker ownBroker() {
        bootstrapServers();
        return ownBroker;
    }

    /**
     * A broker of the caller's own, for tests that stop and restart it; it is stopped when the JVM
     * exits at the latest.
     */
    public static KafkaBroker startOwnBroker(Path dataDir) {
        KafkaBroker broker =
                KafkaBroker.onFreePorts(
                        dataDir.resolve(Long.toString(System.nanoTime())), classPath());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "test-kafka-shutdown"));
        return broker.start();
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }
}
