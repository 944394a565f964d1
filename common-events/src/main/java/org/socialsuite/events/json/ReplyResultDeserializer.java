package org.socialsuite.events.json;

import org.socialsuite.events.ReplyResult;

public class ReplyResultDeserializer extends EventDeserializer<ReplyResult> {

    public ReplyResultDeserializer() {
        super(ReplyResult.class);
    }
}
