package org.socialsuite.conversation.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.socialsuite.conversation.conversation.Conversation;

/**
 * The brand answers a waiting consumer: the answer is counted against the response-time target it
 * was due by ({@code conversation_responses_total}, target met or missed, first or next response),
 * and the conversation awaits nothing more.
 */
@ApplicationScoped
public class Responses {

    private final MeterRegistry registry;

    public Responses(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param at when the answer was given: an agent's reply accepted, or one sent from the
     *     network's own tools
     */
    public void answered(Conversation conversation, Instant at) {
        if (conversation.responseDueAt != null && !at.isBefore(conversation.waitingSince)) {
            Counter.builder("conversation_responses")
                    .description("Answers to waiting consumers, against the response-time target")
                    .tag("brand", conversation.brandId)
                    .tag("channel", conversation.channel.name())
                    .tag("response", conversation.firstResponseAt == null ? "first" : "next")
                    .tag("target", at.isAfter(conversation.responseDueAt) ? "missed" : "met")
                    .register(registry)
                    .increment();
        }
        conversation.responded(at);
    }
}
