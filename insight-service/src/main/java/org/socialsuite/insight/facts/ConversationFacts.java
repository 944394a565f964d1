package org.socialsuite.insight.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.socialsuite.events.ConversationEvent;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.support.InOrder;
import org.socialsuite.support.consumer.DeadLetter;
import org.socialsuite.support.consumer.UntilApplied;

/**
 * Consumes {@code social.conversation.v1} a poll at a time into facts: the whole poll in one
 * transaction, the offsets committed after it. The database being away is retried for as long as it
 * takes (nothing is dead-lettered for an outage). A record that cannot be read, or an event that
 * fails on its own once the poll is applied one by one, goes to {@code social.conversation.v1.dlq}
 * with its reason, and the consumer goes on.
 */
@ApplicationScoped
public class ConversationFacts {

    private static final Logger LOG = Logger.getLogger(ConversationFacts.class);

    private final FactWriter writer;
    private final UntilApplied untilApplied;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Counter deadLettered;

    public ConversationFacts(
            FactWriter writer,
            UntilApplied untilApplied,
            @Channel("conversation-dlq") MutinyEmitter<byte[]> deadLetters,
            MeterRegistry metrics) {
        this.writer = writer;
        this.untilApplied = untilApplied;
        this.deadLetters = deadLetters;
        this.deadLettered = metrics.counter("insight.dead_lettered");
    }

    @Incoming("conversation-events")
    public Uni<Void> consume(ConsumerRecords<String, ConversationEvent> poll) {
        List<ConsumerRecord<String, ConversationEvent>> readable = new ArrayList<>();
        List<ConsumerRecord<String, ConversationEvent>> unreadable = new ArrayList<>();
        poll.forEach(record -> (record.value() == null ? unreadable : readable).add(record));
        return InOrder.each(unreadable, this::unreadable).chain(() -> apply(readable));
    }

    private Uni<Void> apply(List<ConsumerRecord<String, ConversationEvent>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Facts facts = Facts.of(records.stream().map(ConsumerRecord::value).toList());
        return untilApplied
                .run("A poll of " + records.size() + " events", () -> writer.write(facts))
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            LOG.warnf(
                                    "A poll of %d events failed (%s); applying them one by one",
                                    records.size(), failure.toString());
                            return InOrder.each(records, this::alone);
                        });
    }

    private Uni<Void> alone(ConsumerRecord<String, ConversationEvent> record) {
        return untilApplied
                .run(
                        "Event at offset " + record.offset(),
                        () -> writer.write(Facts.of(List.of(record.value()))))
                .onFailure()
                .recoverWithUni(
                        failure -> {
                            LOG.errorf(
                                    failure,
                                    "%s of conversation %s failed; it goes to the dead-letter"
                                            + " topic",
                                    record.value().getClass().getSimpleName(),
                                    record.value().conversationId());
                            return send(
                                    DeadLetter.failed(
                                            record, EventJson.write(record.value()), failure));
                        });
    }

    private Uni<Void> unreadable(ConsumerRecord<String, ConversationEvent> record) {
        LOG.warnf(
                "Unreadable record at %s-%d@%d goes to the dead-letter topic: %s",
                record.topic(),
                record.partition(),
                record.offset(),
                DeadLetter.unreadableReason(record));
        return send(DeadLetter.unreadable(record));
    }

    private Uni<Void> send(Message<byte[]> deadLetter) {
        deadLettered.increment();
        return untilApplied.run(
                "Dead-lettering a record", () -> deadLetters.sendMessage(deadLetter));
    }
}
