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

    /**
     * How long the text is as the network counts it, against the limit of this channel and mode: a
     * reply tweet by Twitter/X's weighted length with its mention, everything else in characters
     * (code points).
     */
    public static Measure measure(Channel channel, ReplyMode mode, String text, String handle) {
        String body = text == null ? "" : text;
        if (channel == Channel.TWITTER && mode == ReplyMode.PUBLIC) {
            TwitterText.Measure tweet = TwitterText.measure(asSent(channel, mode, body, handle));
            return new Measure(
                    tweet.weightedLength(),
                    TwitterText.MAX_WEIGHTED_LENGTH,
                    true,
                    !tweet.refusedCharacter());
        }
        int limit =
                switch (mode) {
                    case PUBLIC -> FACEBOOK_COMMENT;
                    case PRIVATE -> channel == Channel.TWITTER ? TWITTER_DM : MESSENGER;
                    case PRIVATE_RESPONSE -> MESSENGER;
                };
        return new Measure(body.codePointCount(0, body.length()), limit, false, true);
    }

    /** Why the network would refuse this text, or nothing when it is fine. */
    public static Optional<String> problem(
            Channel channel, ReplyMode mode, String text, String handle) {
        return problemOf(channel, mode, text, measure(channel, mode, text, handle));
    }

    /** The same, for a text already measured ({@link #measure}): a draft is measured once. */
    public static Optional<String> problemOf(
            Channel channel, ReplyMode mode, String text, Measure measure) {
        if (text == null || text.isBlank()) {
            return Optional.of("The reply is empty");
        }
        if (!measure.charactersAccepted()) {
            return Optional.of(
                    "The reply holds a character Twitter/X refuses (U+FFFE, U+FEFF or U+FFFF)");
        }
        if (measure.length() <= measure.limit()) {
            return Optional.empty();
        }
        return Optional.of(
                measure.weighted()
                        ? "A reply tweet may weigh "
                                + measure.limit()
                                + " characters with its mention; this one weighs "
                                + measure.length()
                        : "A "
                                + describe(channel, mode)
                                + " may have "
                                + measure.limit()
                                + " characters; this one has "
                                + measure.length());
    }

    /**
     * @param weighted counted by Twitter/X's weights (a reply tweet) rather than in characters
     * @param charactersAccepted false when the network refuses a character in it, whatever its
     *     length
     */
    public record Measure(int length, int limit, boolean weighted, boolean charactersAccepted) {}

    private static String describe(Channel channel, ReplyMode mode) {
        return switch (mode) {
            case PUBLIC -> "Facebook comment";
            case PRIVATE -> channel == Channel.TWITTER ? "Direct Message" : "Messenger message";
            case PRIVATE_RESPONSE -> "private response";
        };
    }
}
