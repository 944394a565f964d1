package org.socialsuite.benchmark.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.MessageRecorded;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ConversationEventDeserializer;

/**
 * Watches {@code social.conversation.v1} from its current end for the run's messages: a message is
 * through when conversation-service has stored it and announced it. Records when each arrived
 * ({@link System#nanoTime()}, the clock the sender uses too).
 */
public final class RecordedMessages implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final ConversationEventDeserializer events = new ConversationEventDeserializer();
    private final String textPrefix;
    private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong lastArrival = new AtomicLong();
    private volatile String lastConversationId;
    private final Thread poller;
    private volatile boolean running = true;

    public RecordedMessages(String bootstrapServers, String textPrefix) {
        this.textPrefix = textPrefix;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.CONVERSATION).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes the start before anything is sent
        poller = new Thread(this::poll, "recorded-messages");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                ConversationEvent event = events.deserialize(record.topic(), record.value());
                if (event instanceof MessageRecorded recorded
                        && recorded.text() != null
                        && recorded.text().startsWith(textPrefix)) {
                    arrivals.putIfAbsent(sequence(recorded.text()), now);
                    lastArrival.set(now);
                    lastConversationId = recorded.conversationId();
                }
            }
        }
        consumer.close();
    }

    private long sequence(String text) {
        int end = text.indexOf(':', textPrefix.length());
        return Long.parseLong(text.substring(textPrefix.length(), end));
    }

    public int count() {
        return arrivals.size();
    }

    /** When the message numbered {@code seq} was seen, or null. */
    public Long arrival(long seq) {
        return arrivals.get(seq);
    }

    /** The conversation of the latest of the run's messages seen, or null. */
    public String lastConversationId() {
        return lastConversationId;
    }

    public long lastArrival() {
        return lastArrival.get();
    }

    /** Waits until {@code expected} messages are through, or the patience runs out. */
    public boolean awaitCount(long expected, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50); // a measuring loop, not a test: nothing here asserts on time
        }
        return count() >= expected;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
    }
}
