package org.socialsuite.conversation.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.socialsuite.events.ConversationEvent;

/**
 * Fans {@code social.conversation.v1} out to the agents connected to this instance. Every instance
 * reads the whole topic in a consumer group of its own, so an agent hears about a message whichever
 * instance stored it.
 */
@ApplicationScoped
public class ConversationStream {

    private static final int SUBSCRIBER_BUFFER = 1024;

    private final BroadcastProcessor<ConversationEvent> events = BroadcastProcessor.create();

    /** An unreadable record arrives as null; the stream skips it rather than stop. */
    @Incoming("conversation-events")
    public void publish(ConversationEvent event) {
        if (event != null) {
            events.onNext(event);
        }
    }

    /**
     * From now on, the events of one brand. A burst waits in a buffer while the agent's connection
     * catches up; without it the broadcast fails a subscriber that has not asked for more yet, and
     * the agent's stream ends. A connection that falls this far behind ends, and its client
     * reconnects.
     */
    public Multi<ConversationEvent> forBrand(String brandId) {
        return events.onOverflow()
                .buffer(SUBSCRIBER_BUFFER)
                .filter(event -> event.brandId().equals(brandId));
    }
}
