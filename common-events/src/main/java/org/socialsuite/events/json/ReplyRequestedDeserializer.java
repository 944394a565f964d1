package org.socialsuite.events.json;

import org.socialsuite.events.ReplyRequested;

public class ReplyRequestedDeserializer extends EventDeserializer<ReplyRequested> {

    public ReplyRequestedDeserializer() {
        super(ReplyRequested.class);
    }
}
