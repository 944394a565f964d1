package org.socialsuite.events.json;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for one contract. A record that cannot be read fails with a {@link
 * SerializationException} naming topic, type and field, so the consumer's failure strategy can
 * dead-letter it with a useful reason.
 */
public class EventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(data, type);
        } catch (EventFormatException e) {
            throw new SerializationException(topic + ": " + e.getMessage(), e);
        }
    }
}
