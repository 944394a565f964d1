package org.socialsuite.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a service's consumer group has come on the test broker. */
public final class GroupProgress {

    private GroupProgress() {}

    /**
     * Waits until the group has committed every partition of the topic up to where the topic ends
     * now: everything written before this call has been applied, whichever partition it went to.
     */
    public static void awaitCommittedToEnd(String group, String topic) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestKafka.bootstrapServers()))) {
            Set<TopicPartition> partitions =
                    admin
                            .describeTopics(Set.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toSet());
            Map<TopicPartition, Long> ends =
                    admin
                            .listOffsets(
                                    partitions.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            p -> p, p -> OffsetSpec.latest())))
                            .all()
                            .get()
                            .entrySet()
                            .stream()
                            .collect(
                                    Collectors.toMap(
                                            Map.Entry::getKey, e -> e.getValue().offset()));
            await(group + " committed to the end of " + topic + " " + ends)
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                Map<TopicPartition, OffsetAndMetadata> committed =
                                        admin.listConsumerGroupOffsets(group)
                                                .partitionsToOffsetAndMetadata()
                                                .get();
                                // Nothing committed: nothing was ever written there.
                                return partitions.stream()
                                        .allMatch(
                                                p ->
                                                        (committed.get(p) == null
                                                                        ? 0
                                                                        : committed.get(p).offset())
                                                                == ends.get(p));
                            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot read " + group + "'s progress on " + topic, e);
        }
    }
}
