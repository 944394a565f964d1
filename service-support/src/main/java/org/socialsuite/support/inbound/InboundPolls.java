package org.socialsuite.support.inbound;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.support.InOrder;
import org.socialsuite.support.consumer.UntilApplied;
import org.socialsuite.support.tracing.EventSpans;

/**
 * How a service applies {@code social.inbound.v1} a poll at a time. A record that cannot be read
 * goes to the dead-letter topic first (each consumer group dead-letters what it could not apply).
 * The readable events are applied together; infrastructure failures are retried ({@link
 * UntilApplied}). If the poll fails for a reason of its own, its events are applied one by one and
 * an event that fails alone is dead-lettered with its reason, so the consumer goes on. Each event
 * is traced by a span of its own in its webhook's trace, ended once the poll is applied.
 */
@ApplicationScoped
public class InboundPolls {

    private static final Logger LOG = Logger.getLogger(InboundPolls.class);

    private final UntilApplied untilApplied;
    private final InboundDeadLetters deadLetters;
    private final PollTracing tracing;

    public InboundPolls(
            UntilApplied untilApplied, InboundDeadLetters deadLetters, PollTracing tracing) {
        this.untilApplied = untilApplied;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    /**
     * @param all applies the poll's readable events, in order, all or nothing; what it announces
     *     carries each event's span ({@link EventSpans#traceparent})
     * @param one applies one event on its own, its span current
     */
    public Uni<Void> apply(
            ConsumerRecords<String, SocialEventReceived> poll,
            BiFunction<List<SocialEventReceived>, EventSpans, Uni<Void>> all,
            Function<SocialEventReceived, Uni<Void>> one) {
        List<ConsumerRecord<String, SocialEventReceived>> readable = new ArrayList<>();
        List<ConsumerRecord<String, SocialEventReceived>> unreadable = new ArrayList<>();
        poll.forEach(record -> (record.value() == null ? unreadable : readable).add(record));
        return InOrder.each(
                        unreadable,
                        record ->
                                untilApplied.run(
                                        "Dead-lettering an unreadable record",
                                        () -> deadLetters.unreadable(record)))
                .chain(() -> applyReadable(readable, all, one));
    }

    private Uni<Void> applyReadable(
            List<ConsumerRecord<String, SocialEventReceived>> readable,
            BiFunction<List<SocialEventReceived>, EventSpans, Uni<Void>> all,
            Function<SocialEventReceived, Uni<Void>> one) {
        if (readable.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventSpans spans = tracing.start(readable);
        List<SocialEventReceived> events = readable.stream().map(ConsumerRecord::value).toList();
        return untilApplied
                .run("A poll of " + readable.size() + " events", () -> all.apply(events, spans))
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            LOG.warnf(
                                    "A poll of %d events failed (%s); applying them one by one",
                                    readable.size(), failure.toString());
                            return InOrder.each(readable, record -> alone(record, one, spans));
                        })
                .onTermination()
                .invoke((ignored, failure, cancelled) -> spans.end(failure));
    }

    private Uni<Void> alone(
            ConsumerRecord<String, SocialEventReceived> record,
            Function<SocialEventReceived, Uni<Void>> one,
            EventSpans spans) {
        SocialEventReceived event = record.value();
        String id = event.platformEventId();
        return untilApplied
                .run("Event " + id, () -> spans.within(event, () -> one.apply(event)))
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            spans.failed(event, failure);
                            return untilApplied.run(
                                    "Dead-lettering " + id,
                                    () -> deadLetters.failed(record, failure));
                        });
    }
}
