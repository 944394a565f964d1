package org.socialsuite.events.json;

import org.socialsuite.events.SocialEventReceived;

public class SocialEventReceivedDeserializer extends EventDeserializer<SocialEventReceived> {

    public SocialEventReceivedDeserializer() {
        super(SocialEventReceived.class);
    }
}
