package org.socialsuite.support.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Facebook's time limits for private replies (PLATFORMS.md): Messenger answers a plain response
 * within 24 h of the consumer's last message and with the HUMAN_AGENT tag up to 7 days; a private
 * response to a comment or post is possible within 7 days of it.
 */
public final class MessagingWindows {

    public static final Duration STANDARD = Duration.ofHours(24);
    public static final Duration HUMAN_AGENT = Duration.ofDays(7);
    public static final Duration PRIVATE_RESPONSE = Duration.ofDays(7);
    public static final String HUMAN_AGENT_TAG = "HUMAN_AGENT";

    private MessagingWindows() {}

    /** Where the Messenger window stands now, given the consumer's last private message. */
    public static MessengerWindow messenger(Instant lastPrivateAt, Instant now) {
        Instant standardEnd = lastPrivateAt.plus(STANDARD);
        if (now.isBefore(standardEnd)) {
            return new MessengerWindow(MessengerWindow.State.STANDARD, standardEnd);
        }
        Instant humanAgentEnd = lastPrivateAt.plus(HUMAN_AGENT);
        return now.isBefore(humanAgentEnd)
                ? new MessengerWindow(MessengerWindow.State.HUMAN_AGENT, humanAgentEnd)
                : new MessengerWindow(MessengerWindow.State.CLOSED, humanAgentEnd);
    }

    /** When a private response to a public comment or post is no longer possible. */
    public static Instant privateResponseEnd(Instant publishedAt) {
        return publishedAt.plus(PRIVATE_RESPONSE);
    }

    /**
     * @param closesAt when this state ends (for CLOSED: when the window closed)
     */
    public record MessengerWindow(State state, Instant closesAt) {

        public enum State {
            STANDARD,
            HUMAN_AGENT,
            CLOSED
        }

        public boolean open() {
            return state != State.CLOSED;
        }

        /** The Messenger tag a message needs now: none inside 24 h, HUMAN_AGENT after. */
        public String messageTag() {
            return state == State.HUMAN_AGENT ? HUMAN_AGENT_TAG : null;
        }
    }
}
