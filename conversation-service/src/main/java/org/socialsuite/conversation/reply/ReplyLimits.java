package org.socialsuite.conversation.reply;

import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;

/** How long a reply may be, per channel and mode (PLATFORMS.md). */
final class ReplyLimits {

    static final int MESSENGER = 2_000;
    static final int FACEBOOK_COMMENT = 8_000;
    static final int TWITTER_DM = 10_000;

    private ReplyLimits() {}

    /** Refuses empty and over-long text; a public tweet counts its @mention too. */
    static void check(Channel channel, ReplyMode mode, String text, String consumerHandle) {
        if (text == null || text.isBlank()) {
            throw ReplyRejected.badText("The reply is empty");
        }
        if (channel == Channel.TWITTER && mode == ReplyMode.PUBLIC) {
            String tweet = (consumerHandle == null ? "" : "@" + consumerHandle + " ") + text;
            int length = TwitterText.weightedLength(tweet);
            if (length > TwitterText.MAX_WEIGHTED_LENGTH) {
                throw ReplyRejected.badText(
                        "A reply tweet may weigh "
                                + TwitterText.MAX_WEIGHTED_LENGTH
                                + " characters with its mention; this one weighs "
                                + length);
            }
            return;
        }
        int limit =
                switch (mode) {
                    case PUBLIC -> FACEBOOK_COMMENT;
                    case PRIVATE -> channel == Channel.TWITTER ? TWITTER_DM : MESSENGER;
                    case PRIVATE_RESPONSE -> MESSENGER;
                };
        int length = text.codePointCount(0, text.length());
        if (length > limit) {
            throw ReplyRejected.badText(
                    "A "
                            + describe(channel, mode)
                            + " may have "
                            + limit
                            + " characters; this one has "
                            + length);
        }
    }

    private static String describe(Channel channel, ReplyMode mode) {
        return switch (mode) {
            case PUBLIC -> "Facebook comment";
            case PRIVATE -> channel == Channel.TWITTER ? "Direct Message" : "Messenger message";
            case PRIVATE_RESPONSE -> "private response";
        };
    }
}
