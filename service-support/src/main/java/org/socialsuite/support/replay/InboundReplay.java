package org.socialsuite.support.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.socialsuite.support.consumer.AssignedReader;

/**
 * An operator's replay of a time range of inbound events: every record written to the source topic
 * in {@code [from, to)} is written to {@code social.inbound.v1} again, key, value and headers as
 * they were, plus {@value #REPLAYED_FROM} naming the original ({@code topic/partition@offset}).
 *
 * <p>Why write the records again rather than move consumer groups back: conversation- and
 * profile-service apply each event once (its platform event id is recorded as it is applied and
 * kept 14 days, longer than the topic's retention), so what they already hold changes nothing and
 * what they missed is filled in, while they keep running, on any number of replicas, and without
 * re-delivering to one service what only the other missed. The source may also be the dead-letter
 * topic, once the cause of its records is mended. A copy keeps its original's key, so its partition
 * and its place after the original. Records that are themselves replayed copies are not copied
 * again; the end is where the topic stood when the replay began, so it never reads its own copies.
 */
public final class InboundReplay {

    /** The header a replayed copy carries: where its original is. */
    public static final String REPLAYED_FROM = "replayed-from";

    private static final String TARGET = "social.inbound.v1";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STUCK = Duration.ofSeconds(30);

    private InboundReplay() {}

    /**
     * @param copied per source partition, how many records were written again
     * @param skipped copies of earlier replays, left out
     */
    public record Result(Map<Integer, Long> copied, long skipped) {
        public long total() {
            return copied.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param kafka the client settings ({@code bootstrap.servers} and any security)
     * @param source {@code social.inbound.v1}, or its dead-letter topic
     */
    public static Result replay(Properties kafka, String source, Instant from, Instant to)
            throws InterruptedException, ExecutionException {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(readerSettings(kafka));
                KafkaProducer<byte[], byte[]> writer = new KafkaProducer<>(writerSettings(kafka))) {
            List<TopicPartition> partitions =
                    reader.partitionsFor(source).stream()
                            .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            Map<TopicPartition, Long> starts = AssignedReader.offsetsAt(reader, partitions, from);
            Map<TopicPartition, Long> ends = AssignedReader.offsetsAt(reader, partitions, to);
            Map<TopicPartition, Long> now = reader.endOffsets(partitions);
            Map<Integer, Long> copied = new TreeMap<>();
            long skipped = 0;
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long start = starts.getOrDefault(partition, now.get(partition));
                long end =
                        Math.min(
                                ends.getOrDefault(partition, now.get(partition)),
                                now.get(partition));
                copied.put(partition.partition(), 0L);
                if (start >= end) {
                    continue;
                }
                reader.assign(List.of(partition));
                reader.seek(partition, start);
                long position = start;
                Instant progress = Instant.now();
                while (position < end) {
                    long before = position;
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                        if (record.offset() >= end) {
                            break;
                        }
                        position = record.offset() + 1;
                        if (record.headers().lastHeader(REPLAYED_FROM) != null) {
                            skipped++;
                            continue;
                        }
                        sends.add(writer.send(copyOf(record)));
                        copied.merge(partition.partition(), 1L, Long::sum);
                    }
                    position = Math.max(position, reader.position(partition));
                    if (position > before) {
                        progress = Instant.now();
                    } else if (Duration.between(progress, Instant.now()).compareTo(STUCK) > 0) {
                        throw new IllegalStateException(
                                partition
                                        + " gave nothing for "
                                        + STUCK
                                        + " at offset "
                                        + position);
                    }
                }
            }
            writer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(); // every copy acknowledged, or the replay fails loudly
            }
            return new Result(copied, skipped);
        }
    }

    private static ProducerRecord<byte[], byte[]> copyOf(ConsumerRecord<byte[], byte[]> record) {
        ProducerRecord<byte[], byte[]> copy =
                new ProducerRecord<>(TARGET, null, record.key(), record.value());
        for (Header header : record.headers()) {
            copy.headers().add(header);
        }
        String origin = record.topic() + "/" + record.partition() + "@" + record.offset();
        copy.headers().add(REPLAYED_FROM, origin.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private static Properties readerSettings(Properties kafka) {
        Properties settings = new Properties();
        settings.putAll(kafka);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "inbound-replay");
        settings.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return settings;
    }

    private static Properties writerSettings(Properties kafka) {
        Properties settings = new Properties();
        settings.putAll(kafka);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "inbound-replay");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    /**
     * {@code --from <instant> --to <instant> [--source <topic>]}: the instants in ISO-8601 UTC
     * ({@code 2026-12-01T09:00:00Z}); the broker from {@code KAFKA_BOOTSTRAP_SERVERS}.
     */
    public static void main(String[] args) throws Exception {
        // The Kafka clients' own log goes nowhere outside a service (its log manager is not set up
        // here); the result and any failure are printed below.
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--from") || !options.containsKey("--to")) {
            System.err.println(
                    "usage: InboundReplay --from 2026-12-01T09:00:00Z --to 2026-12-01T10:00:00Z"
                        + " [--source social.inbound.v1.dlq]  (broker: KAFKA_BOOTSTRAP_SERVERS)");
            System.exit(2);
        }
        Properties kafka = new Properties();
        kafka.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        String source = options.getOrDefault("--source", TARGET);
        Instant from = Instant.parse(options.get("--from"));
        Instant to = Instant.parse(options.get("--to"));
        Result result = replay(kafka, source, from, to);
        System.out.printf(
                "Replayed %d records of %s written in [%s, %s) into %s (per partition %s);"
                        + " %d earlier copies left out%n",
                result.total(), source, from, to, TARGET, result.copied(), result.skipped());
    }
}
