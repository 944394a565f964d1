package org.socialsuite.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.socialsuite.events.json.EventJson;

/** Publishes events to the test broker as a producing service would, and waits for the ack. */
public final class TestEvents {

    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {}

    public static void publish(String topic, String key, Object event) {
        publishRaw(topic, key, EventJson.write(event));
    }

    /**
     * Several events on one key, sent together and flushed once: they travel in one record batch,
     * so a consumer reads them in the same poll.
     */
    public static synchronized void publishTogether(String topic, String key, List<?> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Object event : events) {
            sent.add(producer().send(new ProducerRecord<>(topic, key, EventJson.write(event))));
        }
        producer().flush();
        try {
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /**
     * As a service publishes within a trace: the W3C {@code traceparent} header the Kafka connector
     * writes.
     */
    public static void publishTraced(String topic, String key, Object event, String traceparent) {
        publishRaw(topic, key, EventJson.write(event), "traceparent", traceparent);
    }

    /** Raw bytes, for records no producer of ours would write (poison records). */
    public static RecordMetadata publishRaw(String topic, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** Raw bytes with a header, as a tool writes them (a replayed copy, say). */
    public static RecordMetadata publishRaw(
            String topic, String key, byte[] value, String header, String headerValue) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(header, headerValue.getBytes(StandardCharsets.UTF_8));
        return send(record);
    }

    private static synchronized RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + record.topic(), e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer =
                    new KafkaProducer<>(
                            Map.of(
                                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    TestKafka.bootstrapServers(),
                                    ProducerConfig.ACKS_CONFIG,
                                    "all"),
                            new StringSerializer(),
                            new ByteArraySerializer());
        }
        return producer;
    }
}
