package org.socialsuite.support.consumer;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A record that a consumer sending its dead letters itself (a poll at a time, where the connector's
 * strategy would send the whole poll) puts on a dead-letter topic: its key, the value to keep, and
 * the headers the connector's own strategy writes, so that every dead-letter topic reads alike
 * (where it came from, and why).
 */
public final class DeadLetter {

    private DeadLetter() {}

    /**
     * A record the deserializer could not read: its original bytes and the deserializer's reason.
     */
    public static Message<byte[]> unreadable(ConsumerRecord<String, ?> record) {
        return of(
                record,
                header(record, "deserialization-failure-data"),
                unreadableReason(record),
                "org.apache.kafka.common.errors.RecordDeserializationException");
    }

    /** Why the deserializer refused the record, as it said. */
    public static String unreadableReason(ConsumerRecord<String, ?> record) {
        byte[] reason = header(record, "deserialization-failure-reason");
        return reason == null ? "unreadable record" : new String(reason, StandardCharsets.UTF_8);
    }

    /** A readable record whose processing failed on its own: {@code value} as it was read. */
    public static Message<byte[]> failed(
            ConsumerRecord<String, ?> record, byte[] value, Throwable failure) {
        return of(
                record,
                value,
                failure.getMessage() != null ? failure.getMessage() : failure.toString(),
                failure.getClass().getName());
    }

    private static Message<byte[]> of(
            ConsumerRecord<String, ?> record, byte[] value, String reason, String exceptionClass) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-exception-class-name", bytes(exceptionClass));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(headers)
                        .build();
        return Message.of(value == null ? new byte[0] : value).addMetadata(metadata);
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
