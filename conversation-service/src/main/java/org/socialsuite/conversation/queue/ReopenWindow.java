package org.socialsuite.conversation.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Which closed conversations a consumer's new message reopens: those closed within the window. */
@ApplicationScoped
public class ReopenWindow {

    private final QueueSettings settings;
    private final Clock clock;

    public ReopenWindow(QueueSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A conversation closed after this is reopened; one closed before stays closed. */
    public Instant closedAfter() {
        return clock.instant().minus(settings.reopenWithin());
    }
}
