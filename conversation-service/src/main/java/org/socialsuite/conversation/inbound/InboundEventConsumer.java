package org.socialsuite.conversation.inbound;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.support.InOrder;
import org.socialsuite.support.inbound.InboundPolls;
import org.socialsuite.support.tracing.EventSpans;

/**
 * Consumes {@code social.inbound.v1} a poll at a time: the whole batch in one transaction, and the
 * offsets committed after it. A failure of the infrastructure (the database away, the pool closing
 * at shutdown) is retried, or the batch abandoned uncommitted at shutdown; it never dead-letters.
 * If the batch fails for a reason of its own, its events are applied one by one, and those that
 * fail on their own (or could not be read at all) go to the dead-letter topic: the consumer goes
 * on.
 */
@ApplicationScoped
public class InboundEventConsumer {

    private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);

    private final InboundMessageRecorder recorder;
    private final NewMessageRecorder newMessages;
    private final InboundPolls polls;

    public InboundEventConsumer(
            InboundMessageRecorder recorder, NewMessageRecorder newMessages, InboundPolls polls) {
        this.recorder = recorder;
        this.newMessages = newMessages;
        this.polls = polls;
    }

    /** Before the service is ready: the first poll after a start then runs at full speed. */
    void warmUp(@Observes StartupEvent startup) {
        try {
            VertxContextSupport.subscribeAndAwait(InboundBatch::warmUp);
        } catch (Throwable failure) {
            // Only a head start: the consumer retries whatever the database does.
            LOG.infof("Warming up the inbound reads failed: %s", failure.toString());
        }
    }

    @Incoming("social-inbound")
    public Uni<Void> consume(ConsumerRecords<String, SocialEventReceived> batch) {
        return polls.apply(batch, this::recordInRuns, recorder::record);
    }

    /**
     * The poll in order, as runs of consumers' new messages (set-based, {@link NewMessageRecorder})
     * and runs of everything else (through the entities), each run a transaction. A run that fails
     * fails the poll, which is then applied one by one; the runs already committed are recognised
     * as processed.
     */
    private Uni<Void> recordInRuns(List<SocialEventReceived> events, EventSpans spans) {
        List<List<SocialEventReceived>> runs = new ArrayList<>();
        int start = 0;
        while (start < events.size()) {
            boolean fast = NewMessageRecorder.takes(events.get(start));
            int end = start + 1;
            while (end < events.size() && NewMessageRecorder.takes(events.get(end)) == fast) {
                end++;
            }
            runs.add(events.subList(start, end));
            start = end;
        }
        // A poll alternating kinds has as many runs as events.
        return InOrder.each(
                runs,
                run ->
                        NewMessageRecorder.takes(run.get(0))
                                ? newMessages.recordAll(run, spans)
                                : recorder.recordAll(run, spans));
    }
}
