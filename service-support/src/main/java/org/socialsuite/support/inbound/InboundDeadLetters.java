package org.socialsuite.support.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.EventJson;

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
                text(header(record, "deserialization-failure-reason")));
        return send(
                record,
                header(record, "deserialization-failure-data"),
                text(header(record, "deserialization-failure-reason")),
                "org.apache.kafka.common.errors.RecordDeserializationException");
    }

    /** A readable event whose processing failed on its own. */
    public Uni<Void> failed(ConsumerRecord<String, SocialEventReceived> record, Throwable failure) {
        LOG.errorf(
                failure,
                "Inbound event %s failed; it goes to the dead-letter topic",
                record.value().platformEventId());
        return send(
                record,
                EventJson.write(record.value()),
                failure.getMessage() != null ? failure.getMessage() : failure.toString(),
                failure.getClass().getName());
    }

    private Uni<Void> send(
            ConsumerRecord<String, SocialEventReceived> record,
            byte[] value,
            String reason,
            String exceptionClass) {
        deadLettered.increment();
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-exception-class-name", bytes(exceptionClass));
        headers.add("dead-letter-topic", bytes(Topics.INBOUND));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build();
        return emitter.sendMessage(
                Message.of(value == null ? new byte[0] : value).addMetadata(metadata));
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "unreadable record" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
