package org.socialsuite.conversation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.ConversationClosed;
import org.socialsuite.support.consumer.PartitionsAssigned;

/** A burst reaches an agent whose connection has not asked for it yet, instead of ending it. */
class ConversationStreamBufferTest {

    @Test
    void aBurstWaitsForASlowSubscriberInsteadOfFailingIt() {
        ConversationStream stream = new ConversationStream("conversation-stream-1");
        AssertSubscriber<ConversationEvent> agent =
                stream.forBrand("acme").subscribe().withSubscriber(AssertSubscriber.create(0));

        for (int i = 0; i < 10; i++) {
            stream.publish(closed("c-" + i, i % 2 == 0 ? "acme" : "globex"));
        }
        agent.request(10);

        agent.assertNotTerminated();
        assertThat(agent.getItems())
                .extracting(ConversationEvent::conversationId)
                .containsExactly("c-0", "c-2", "c-4", "c-6", "c-8");
    }

    @Test
    void aConnectionFallenTooFarBehindEndsAndTheOthersGoOn() {
        ConversationStream stream = new ConversationStream("conversation-stream-1");
        AssertSubscriber<ConversationEvent> stuck =
                stream.forBrand("acme").subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<ConversationEvent> keepingUp =
                stream.forBrand("acme")
                        .subscribe()
                        .withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        // The buffer holds 1,024 events of every brand; one more ends the stuck connection, whose
        // client then reconnects and reloads.
        for (int i = 0; i <= 1_024; i++) {
            stream.publish(closed("c-" + i, "acme"));
        }

        stuck.assertFailedWith(BackPressureFailure.class);
        keepingUp.assertNotTerminated();
        assertThat(keepingUp.getItems()).hasSize(1_025);
    }

    @Test
    void onceTheStreamsGroupHasItsPartitionsEarlierConnectionsEndToCatchUp() {
        ConversationStream stream = new ConversationStream("conversation-stream-1");
        AssertSubscriber<ConversationEvent> early =
                stream.forBrand("acme").subscribe().withSubscriber(AssertSubscriber.create(10));
        MockConsumer<String, byte[]> consumer =
                new MockConsumer<>(OffsetResetStrategy.LATEST.name().toLowerCase());
        TopicPartition partition = new TopicPartition("social.conversation.v1", 0);
        consumer.assign(List.of(partition));
        consumer.updateEndOffsets(Map.of(partition, 42L));

        // Another group of this service (the inbound consumers) changes nothing here.
        stream.positioned(new PartitionsAssigned("conversation-service", consumer, List.of()));
        early.assertNotTerminated();
        stream.positioned(
                new PartitionsAssigned("conversation-stream-1", consumer, List.of(partition)));

        early.assertCompleted();
        assertThat(consumer.position(partition)).isEqualTo(42L);
        AssertSubscriber<ConversationEvent> reconnected =
                stream.forBrand("acme").subscribe().withSubscriber(AssertSubscriber.create(10));
        stream.publish(closed("c-1", "acme"));
        assertThat(reconnected.getItems())
                .extracting(ConversationEvent::conversationId)
                .containsExactly("c-1");
    }

    private static ConversationClosed closed(String conversationId, String brandId) {
        return new ConversationClosed(conversationId, brandId, "agent", Instant.EPOCH);
    }
}
