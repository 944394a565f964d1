package org.socialsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socialsuite.events.Topics;
import org.socialsuite.localstack.kafka.KafkaBroker;
import org.socialsuite.localstack.kafka.SuiteTopics;

class KafkaBrokerTest {

    @TempDir Path dataDir;

    @Test
    void startsARealBrokerWithEveryTopicAndKeepsItsDataAcrossARestart() throws Exception {
        try (KafkaBroker broker =
                KafkaBroker.onFreePorts(dataDir, System.getProperty("java.class.path"))) {
            broker.start();
            SuiteTopics.create(broker.bootstrapServers(), 3);

            assertThat(topics(broker))
                    .contains(Topics.INBOUND, "social.inbound.v1.dlq", Topics.CONVERSATION);
            send(broker, "acme-facebook:8001", "hello");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(readAll(broker)).containsExactly("acme-facebook:8001=hello");
            SuiteTopics.create(broker.bootstrapServers(), 3); // idempotent
        }
    }

    private static Set<String> topics(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static void send(KafkaBroker broker, String key, String value) throws Exception {
        try (var producer =
                new KafkaProducer<>(
                        Map.<String, Object>of(
                                "bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                        new StringSerializer(),
                        new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INBOUND, key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(KafkaBroker broker) {
        try (var consumer =
                new KafkaConsumer<>(
                        Map.<String, Object>of(
                                "bootstrap.servers", broker.bootstrapServers(),
                                "group.id", "broker-test",
                                "auto.offset.reset", "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INBOUND));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                List<String> values = new java.util.ArrayList<>();
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.key() + "=" + record.value());
                }
                if (!values.isEmpty()) {
                    return values;
                }
            }
            return List.of();
        }
    }
}
