package org.socialsuite.support.rules;

import java.util.Optional;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;

/**
 * How long a reply may be, per channel and mode (PLATFORMS.md). conversation-service refuses a
 * reply that breaks it; outbound-service checks again before it calls the network.
 */
public final class ReplyLength {

    public static final int MESSENGER = 2_000;
    public static final int FACEBOOK_COMMENT = 8_000;
    public static final int TWITTER_DM = 10_000;

    private ReplyLength() {}

    /** The text as the network will receive it: a reply tweet starts with the @mention. */
    public static String asSent(Channel channel, ReplyMode mode, String text, String handle) {
        boolean replyTweet = channel == Channel.TWITTER && mode == ReplyMode.PUBLIC;
        return replyTweet && handle != null ? "@" + handle + " " + text : text;
    }

    /** Why the network would refuse this text, or nothing when it is fine. */
    public static Optional<String> problem(
            Channel channel, ReplyMode mode, String text, String handle) {
        if (text == null || text.isBlank()) {
            return Optional.of("The reply is empty");
        }
        if (channel == Channel.TWITTER && mode == ReplyMode.PUBLIC) {
            int weight = TwitterText.weightedLength(asSent(channel, mode, text, handle));
            return weight <= TwitterText.MAX_WEIGHTED_LENGTH
                    ? Optional.empty()
                    : Optional.of(
                            "A reply tweet may weigh "
                                    + TwitterText.MAX_WEIGHTED_LENGTH
                                    + " characters with its mention; this one weighs "
                                    + weight);
        }
        int limit =
                switch (mode) {
                    case PUBLIC -> FACEBOOK_COMMENT;
                    case PRIVATE -> channel == Channel.TWITTER ? TWITTER_DM : MESSENGER;
                    case PRIVATE_RESPONSE -> MESSENGER;
                };
        int length = text.codePointCount(0, text.length());
        return length <= limit
                ? Optional.empty()
                : Optional.of(
                        "A "
                                + describe(channel, mode)
                                + " may have "
                                + limit
                                + " characters; this one has "
                                + length);
    }

    private static String describe(Channel channel, ReplyMode mode) {
        return switch (mode) {
            case PUBLIC -> "Facebook comment";
            case PRIVATE -> channel == Channel.TWITTER ? "Direct Message" : "Messenger message";
            case PRIVATE_RESPONSE -> "private response";
        };
    }
}
