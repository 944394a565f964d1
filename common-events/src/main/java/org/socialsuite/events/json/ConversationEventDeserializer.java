package org.socialsuite.events.json;

import org.socialsuite.events.ConversationEvent;

public class ConversationEventDeserializer extends EventDeserializer<ConversationEvent> {

    public ConversationEventDeserializer() {
        super(ConversationEvent.class);
    }
}
