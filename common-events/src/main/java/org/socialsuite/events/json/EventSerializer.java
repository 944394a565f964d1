package org.socialsuite.events.json;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every contract of this module. */
public class EventSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T event) {
        return event == null ? null : EventJson.write(event);
    }
}
