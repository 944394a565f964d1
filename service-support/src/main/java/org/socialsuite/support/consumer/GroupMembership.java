package org.socialsuite.support.consumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the inputs are consumed: every consumer group whose channel names this listener
 * ({@code consumer-rebalance-listener.name=group-membership}) has had its first assignment, empty
 * or not (a replica beyond the partition count gets none and is still a member). Before that, a
 * message would wait for the group to form, and a rollout would count a replica that reads nothing.
 */
@ApplicationScoped
@Identifier(GroupMembership.NAME)
@Readiness
public class GroupMembership implements KafkaConsumerRebalanceListener, HealthCheck {

    public static final String NAME = "group-membership";

    private static final Pattern LISTENER =
            Pattern.compile(
                    "mp\\.messaging\\.incoming\\.(.+)\\.consumer-rebalance-listener\\.name");

    private final Set<String> expected = new TreeSet<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Event<PartitionsAssigned> assignments;

    GroupMembership(Config config, Event<PartitionsAssigned> assignments) {
        this.assignments = assignments;
        for (String property : config.getPropertyNames()) {
            Matcher channel = LISTENER.matcher(property);
            if (channel.matches()
                    && NAME.equals(config.getOptionalValue(property, String.class).orElse(""))) {
                config.getOptionalValue(
                                "mp.messaging.incoming." + channel.group(1) + ".group.id",
                                String.class)
                        .ifPresent(expected::add);
            }
        }
    }

    @Override
    public void onPartitionsAssigned(
            Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        String group = consumer.groupMetadata().groupId();
        joined.add(group);
        assignments.fire(new PartitionsAssigned(group, consumer, partitions));
    }

    @Override
    public HealthCheckResponse call() {
        Set<String> waiting = new TreeSet<>(expected);
        waiting.removeAll(joined);
        return HealthCheckResponse.named("Kafka consumer groups joined")
                .status(waiting.isEmpty())
                .withData("groups", String.join(",", expected))
                .withData("waiting", String.join(",", waiting))
                .build();
    }
}
