package org.socialsuite.conversation.queue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "conversation.queue")
public interface QueueSettings {

    /**
     * How long after closing a consumer's next message reopens the conversation; later, it opens a
     * new one.
     */
    @WithDefault("P7D")
    Duration reopenWithin();

    /** How often each replica counts the waiting and overdue conversations for its metrics. */
    @WithDefault("PT15S")
    Duration countEvery();
}
