package org.socialsuite.support.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

/**
 * What a reader of a whole topic needs that reads in every replica, without a consumer group (each
 * replica sees every record): the application's own {@code kafka.*} settings, the topic's
 * partitions once it exists, and whether it has read up to where the topic ended.
 */
public final class AssignedReader {

    private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);

    private AssignedReader() {}

    /**
     * The application's {@code kafka.*} settings (servers, security), for a reader without a group.
     */
    public static Properties properties(Config kafkaConfig, String clientId) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : kafkaConfig.getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                kafkaConfig
                        .getOptionalValue(name, String.class)
                        .ifPresent(
                                value -> properties.put(name.substring("kafka.".length()), value));
            }
        }
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + ProcessHandle.current().pid());
        properties.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        Properties result = new Properties();
        result.putAll(properties);
        return result;
    }

    /** The topic's partitions, once it exists and the broker answers; none once stopped. */
    public static List<TopicPartition> partitions(
            KafkaConsumer<?, ?> reader, String topic, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            try {
                List<PartitionInfo> found = reader.partitionsFor(topic, TOPIC_RETRY);
                if (found != null && !found.isEmpty()) {
                    return found.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException brokerAway) {
                // asked again below
            }
            try {
                Thread.sleep(TOPIC_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    /** Whether the reader's position is at or past the offsets the topic ended at. */
    public static boolean reachedEnd(KafkaConsumer<?, ?> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> reader.position(partition.getKey()) >= partition.getValue());
    }
}
