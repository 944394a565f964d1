package org.socialsuite.events.json;

import org.socialsuite.events.ConsumerProfileUpdated;

public class ConsumerProfileUpdatedDeserializer extends EventDeserializer<ConsumerProfileUpdated> {

    public ConsumerProfileUpdatedDeserializer() {
        super(ConsumerProfileUpdated.class);
    }
}
