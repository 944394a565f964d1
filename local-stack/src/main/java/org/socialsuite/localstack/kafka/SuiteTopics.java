package org.socialsuite.localstack.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.socialsuite.events.Topics;

/**
 * Creates every topic of the suite: each event topic and its dead-letter twin, and the compacted
 * state topics. Existing topics are left alone.
 */
public final class SuiteTopics {

    private SuiteTopics() {}

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String topic : Topics.ALL) {
            names.add(topic);
            names.add(Topics.deadLetter(topic));
        }
        names.addAll(Topics.COMPACTED);
        return names;
    }

    private static NewTopic topic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        return Topics.COMPACTED.contains(name)
                ? topic.configs(
                        Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT))
                : topic;
    }

    public static void create(String bootstrapServers, int partitions) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                60_000))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing =
                    names().stream()
                            .filter(name -> !existing.contains(name))
                            .map(name -> topic(name, partitions))
                            .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot create the suite's topics on " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }
}
