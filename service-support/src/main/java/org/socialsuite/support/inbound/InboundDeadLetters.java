package org.socialsuite.support.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.support.consumer.DeadLetter;

/**
 * Sends the inbound records that cannot be applied to {@code social.inbound.v1.dlq}, one by one,
 * with where they came from and why ({@code dead-letter-reason}), so a batch goes on without them.
 * For the services that consume {@code social.inbound.v1} a poll at a time (the connector's own
 * dead-letter strategy would send a whole failed poll); each needs the outgoing channel {@code
 * social-inbound-dlq}.
 */
// Started with the application, so that its counter is exported at 0 from the start: an
// alert on its increase must see the series before the first dead letter.
@Startup
@ApplicationScoped
public class InboundDeadLetters {

    private static final Logger LOG = Logger.getLogger(InboundDeadLetters.class);

    private final MutinyEmitter<byte[]> emitter;
    private final Counter deadLettered;

    public InboundDeadLetters(
            @Channel("social-inbound-dlq") MutinyEmitter<byte[]> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.deadLettered = metrics.counter("inbound.dead_lettered");
    }

    /**
     * A record the deserializer could not read: its original bytes and the deserializer's reason.
     */
    public Uni<Void> unreadable(ConsumerRecord<String, SocialEventReceived> record) {
        LOG.warnf(
                "Unreadable inbound record at %s-%d@%d goes to the dead-letter topic: %s",
                record.topic(),
                record.partition(),
                record.offset(),
                DeadLetter.unreadableReason(record));
        return send(DeadLetter.unreadable(record));
    }

    /** A readable event whose processing failed on its own. */
    public Uni<Void> failed(ConsumerRecord<String, SocialEventReceived> record, Throwable failure) {
        LOG.errorf(
                failure,
                "Inbound event %s failed; it goes to the dead-letter topic",
                record.value().platformEventId());
        return send(DeadLetter.failed(record, EventJson.write(record.value()), failure));
    }

    private Uni<Void> send(Message<byte[]> deadLetter) {
        deadLettered.increment();
        return emitter.sendMessage(deadLetter);
    }
}
