package org.socialsuite.support.consumer;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A CDI event: a consumer group watched by {@link GroupMembership} was given its partitions. Fired
 * synchronously on the consumer's own thread, before its next poll, so an observer may still ask
 * the consumer about its positions.
 */
public record PartitionsAssigned(
        String groupId, Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {}
