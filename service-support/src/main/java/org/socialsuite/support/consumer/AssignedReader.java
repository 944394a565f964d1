package org.socialsuite.support.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Reads the whole of a topic on a thread of its own, in every replica and without a consumer group,
 * so each replica sees every record: from where {@link Start} puts it, then as the topic grows. It
 * tells once when it has read up to where the topic ended as it began, waits for a topic not there
 * yet and reads on through a broker's absence; it stops for good only on a failure it cannot read
 * past.
 */
public final class AssignedReader {

    /** Where reading begins, on the assigned partitions. */
    @FunctionalInterface
    public interface Start {
        void seek(KafkaConsumer<String, byte[]> reader, List<TopicPartition> partitions);
    }

    public static final Start FROM_BEGINNING = KafkaConsumer::seekToBeginning;

    /**
     * From the first record written at or after the moment, asked for as reading begins; a
     * partition where nothing has been written since is read from what comes next.
     */
    public static Start since(Supplier<Instant> moment) {
        return (reader, partitions) -> {
            Map<TopicPartition, Long> offsets = offsetsAt(reader, partitions, moment.get());
            for (TopicPartition partition : partitions) {
                Long offset = offsets.get(partition);
                if (offset == null) {
                    reader.seekToEnd(List.of(partition));
                } else {
                    reader.seek(partition, offset);
                }
            }
        };
    }

    /**
     * The first offset written at or after the moment, per partition; absent where nothing has been
     * written since.
     */
    public static Map<TopicPartition, Long> offsetsAt(
            KafkaConsumer<?, ?> reader, Collection<TopicPartition> partitions, Instant at) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, at.toEpochMilli()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        reader.offsetsForTimes(times)
                .forEach(
                        (partition, found) -> {
                            if (found != null) {
                                offsets.put(partition, found.offset());
                            }
                        });
        return offsets;
    }

    private static final Logger LOG = Logger.getLogger(AssignedReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);

    private final String name;
    private final String topic;
    private final Config kafkaConfig;
    private final Start start;
    private final Consumer<ConsumerRecord<String, byte[]>> apply;
    private final Runnable onCaughtUp;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile boolean failed;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param name the thread's and the client's name
     * @param apply each record, in order per partition, on the reader's thread
     * @param onCaughtUp once, on the reader's thread, when it has read up to where the topic ended
     */
    public AssignedReader(
            String name,
            String topic,
            Config kafkaConfig,
            Start start,
            Consumer<ConsumerRecord<String, byte[]>> apply,
            Runnable onCaughtUp) {
        this.name = name;
        this.topic = topic;
        this.kafkaConfig = kafkaConfig;
        this.start = start;
        this.apply = apply;
        this.onCaughtUp = onCaughtUp;
    }

    public void open() {
        consumer = new KafkaConsumer<>(properties());
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void close() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Whether it still reads: it stops only on a failure it cannot read past. */
    public boolean following() {
        return !failed;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> reader = consumer) {
            List<TopicPartition> partitions = partitions(reader);
            if (partitions.isEmpty()) {
                return;
            }
            reader.assign(partitions);
            start.seek(reader, partitions);
            Map<TopicPartition, Long> end = null;
            while (running) {
                try {
                    if (end == null) {
                        end = reader.endOffsets(partitions);
                    }
                    for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                        apply.accept(record);
                    }
                    if (!caughtUp && reachedEnd(reader, end)) {
                        caughtUp = true;
                        onCaughtUp.run();
                    }
                } catch (org.apache.kafka.common.errors.TimeoutException brokerAway) {
                    // The broker did not answer in time: the view keeps what it has, reading goes
                    // on.
                    LOG.debugf("%s: %s; reading on", name, brokerAway.getMessage());
                }
            }
        } catch (WakeupException stopping) {
            // shutdown
        } catch (KafkaException | IllegalStateException e) {
            failed = true;
            LOG.errorf(e, "%s: reading %s stopped; the view no longer changes", name, topic);
        }
    }

    /** The topic's partitions, once it exists and the broker answers; none once stopped. */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reader) {
        while (running) {
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
            LOG.debugf("%s: %s not there yet", name, topic);
            try {
                Thread.sleep(TOPIC_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private static boolean reachedEnd(
            KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> reader.position(partition.getKey()) >= partition.getValue());
    }

    /**
     * The application's {@code kafka.*} settings (servers, security), for a reader without a group.
     */
    private Properties properties() {
        Map<String, Object> properties = new HashMap<>();
        for (String property : kafkaConfig.getPropertyNames()) {
            if (property.startsWith("kafka.")) {
                kafkaConfig
                        .getOptionalValue(property, String.class)
                        .ifPresent(
                                value ->
                                        properties.put(
                                                property.substring("kafka.".length()), value));
            }
        }
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + ProcessHandle.current().pid());
        properties.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        Properties result = new Properties();
        result.putAll(properties);
        return result;
    }
}
