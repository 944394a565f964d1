package org.socialsuite.events;

import java.util.List;

/** Topic names. Versions live in the name so a breaking change gets a new topic, not a surprise. */
public final class Topics {

    public static final String INBOUND = "social.inbound.v1";
    public static final String OUTBOUND_REQUESTED = "social.outbound.requested.v1";
    public static final String OUTBOUND_RESULT = "social.outbound.result.v1";
    public static final String PROFILE = "social.profile.v1";
    public static final String CONVERSATION = "social.conversation.v1";

    /** The connected accounts as they are now: compacted, one record per account id. */
    public static final String ACCOUNT = "social.account.v1";

    /** Every event topic of the suite, in pipeline order; each has a dead-letter twin. */
    public static final List<String> ALL =
            List.of(INBOUND, OUTBOUND_REQUESTED, OUTBOUND_RESULT, PROFILE, CONVERSATION);

    /**
     * The state topics: compacted (the latest record per key is kept for good), read from the
     * beginning by every replica into a view of its own, so none has a consumer group's dead
     * letters.
     */
    public static final List<String> COMPACTED = List.of(ACCOUNT);

    private Topics() {}

    /**
     * The dead-letter twin of a topic: where records that cannot be processed go, with the reason.
     */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
