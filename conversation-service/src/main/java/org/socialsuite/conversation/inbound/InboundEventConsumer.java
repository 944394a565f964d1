package org.socialsuite.conversation.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.socialsuite.conversation.outbox.OutboxRelay;
import org.socialsuite.events.SocialEventReceived;

/**
 * Consumes {@code social.inbound.v1}; the offset is committed once the message is stored. A failure
 * is logged and counted here, then the failure strategy dead-letters the record.
 */
@ApplicationScoped
public class InboundEventConsumer {

    private static final Logger LOG = Logger.getLogger(InboundEventConsumer.class);

    private final InboundMessageRecorder recorder;
    private final OutboxRelay relay;
    private final MeterRegistry metrics;

    public InboundEventConsumer(
            InboundMessageRecorder recorder, OutboxRelay relay, MeterRegistry metrics) {
        this.recorder = recorder;
        this.relay = relay;
        this.metrics = metrics;
    }

    @Incoming("social-inbound")
    public Uni<Void> consume(SocialEventReceived event) {
        return recorder.record(event)
                .invoke(relay::wakeUp)
                .onFailure()
                .invoke(
                        failure -> {
                            LOG.errorf(
                                    failure,
                                    "Inbound event %s failed; it goes to the dead-letter topic",
                                    event.platformEventId());
                            metrics.counter("conversation.inbound.dead_lettered").increment();
                        });
    }
}
