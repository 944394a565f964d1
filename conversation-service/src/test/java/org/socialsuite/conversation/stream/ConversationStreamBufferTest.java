package org.socialsuite.conversation.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.ConversationEvent.ConversationClosed;

/** A burst reaches an agent whose connection has not asked for it yet, instead of ending it. */
class ConversationStreamBufferTest {

    @Test
    void aBurstWaitsForASlowSubscriberInsteadOfFailingIt() {
        ConversationStream stream = new ConversationStream();
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
        ConversationStream stream = new ConversationStream();
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

    private static ConversationClosed closed(String conversationId, String brandId) {
        return new ConversationClosed(conversationId, brandId, "agent", Instant.EPOCH);
    }
}
