package org.socialsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is published to a topic from the moment it is opened, so a test sees only the records
 * its own actions caused (or, {@link #whole}, everything the topic holds).
 */
public final class TopicWatcher<V> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<V> deserializer;
    private final String topic;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    private TopicWatcher(
            String bootstrapServers, String topic, Deserializer<V> deserializer, boolean whole) {
        this.topic = topic;
        this.deserializer = deserializer;
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "test-watcher-" + UUID.randomUUID(),
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
        consumer.assign(partitions);
        if (whole) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // fix the start now, not at the first poll
    }

    public static <V> TopicWatcher<V> open(String topic, Deserializer<V> deserializer) {
        return open(TestKafka.bootstrapServers(), topic, deserializer);
    }

    /** On a broker of the test's own (one it stops or freezes). */
    public static <V> TopicWatcher<V> open(
            String bootstrapServers, String topic, Deserializer<V> deserializer) {
        return new TopicWatcher<>(bootstrapServers, topic, deserializer, false);
    }

    /** Everything the topic holds, from its beginning: a compacted topic's state, say. */
    public static <V> TopicWatcher<V> whole(String topic, Deserializer<V> deserializer) {
        return new TopicWatcher<>(TestKafka.bootstrapServers(), topic, deserializer, true);
    }

    /** Waits for a tombstone (a record without a value) for the key. */
    public ConsumerRecord<String, V> awaitTombstone(String key) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                poll().stream()
                                        .anyMatch(r -> key.equals(r.key()) && r.value() == null));
        return seen.stream()
                .filter(r -> key.equals(r.key()) && r.value() == null)
                .findFirst()
                .orElseThrow();
    }

    /** Waits until {@code count} records have arrived and returns them, in arrival order. */
    public List<ConsumerRecord<String, V>> awaitRecords(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> poll().size() >= count);
        return List.copyOf(seen);
    }

    /** Waits for the first record that matches. */
    public ConsumerRecord<String, V> awaitRecord(Predicate<V> matching) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                poll().stream()
                                        .anyMatch(
                                                record ->
                                                        record.value() != null
                                                                && matching.test(record.value())));
        return seen.stream()
                .filter(record -> record.value() != null && matching.test(record.value()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Everything published up to now: reads until it has passed the end of every partition as it
     * stands at this call. Proves "exactly these, nothing else" for records whose producer was
     * acknowledged before the call (ingest answers 200 only then); for records published
     * asynchronously (an outbox), wait for a marker instead.
     */
    public List<ConsumerRecord<String, V>> pollToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            poll();
                            return end.entrySet().stream()
                                    .allMatch(
                                            partition ->
                                                    consumer.position(partition.getKey())
                                                            >= partition.getValue());
                        });
        return List.copyOf(seen);
    }

    /**
     * Everything that arrived so far. To prove that nothing was published, a test publishes a
     * marker after the action and waits for it: whatever precedes it on that partition would have
     * arrived first.
     */
    public List<ConsumerRecord<String, V>> poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(
                    new ConsumerRecord<>(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.timestamp(),
                            record.timestampType(),
                            record.serializedKeySize(),
                            record.serializedValueSize(),
                            record.key(),
                            deserializer.deserialize(topic, record.value()),
                            record.headers(),
                            record.leaderEpoch()));
        }
        return seen;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
