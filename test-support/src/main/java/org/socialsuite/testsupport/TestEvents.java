package org.socialsuite.testsupport;

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

    /** Raw bytes, for records no producer of ours would write (poison records). */
    public static synchronized void publishRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
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
