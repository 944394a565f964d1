package org.socialsuite.conversation.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.support.consumer.PartitionsAssigned;

/**
 * Fans {@code social.conversation.v1} out to the agents connected to this instance. Every instance
 * reads the whole topic in a consumer group of its own, so an agent hears about a message whichever
 * instance stored it.
 */
@ApplicationScoped
public class ConversationStream {

    private static final int SUBSCRIBER_BUFFER = 1024;

    private final String streamGroup;
    private volatile BroadcastProcessor<ConversationEvent> events = BroadcastProcessor.create();

    public ConversationStream(
            @ConfigProperty(name = "mp.messaging.incoming.conversation-events.group.id")
                    String streamGroup) {
        this.streamGroup = streamGroup;
    }

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
        return Multi.createFrom()
                .deferred(
                        () ->
                                events.onOverflow()
                                        .buffer(SUBSCRIBER_BUFFER)
                                        .filter(event -> event.brandId().equals(brandId)));
    }

    /**
     * The stream's group reads from the end of the topic as it stands when its partitions are
     * assigned (at start-up, or after the broker lost the member). An agent connected before that
     * may have missed what was announced in between, such as the messages this replica stored while
     * its stream was still joining. The position is fixed now, and those connections end: their
     * clients reconnect and read the conversations again, and from here on nothing is missed.
     */
    void positioned(@Observes PartitionsAssigned assigned) {
        if (!assigned.groupId().equals(streamGroup)) {
            return;
        }
        assigned.partitions().forEach(assigned.consumer()::position);
        endConnections();
    }

    /** Ends every agent's stream; their clients reconnect and catch up. */
    void endConnections() {
        BroadcastProcessor<ConversationEvent> ending = events;
        events = BroadcastProcessor.create();
        ending.onComplete();
    }
}
