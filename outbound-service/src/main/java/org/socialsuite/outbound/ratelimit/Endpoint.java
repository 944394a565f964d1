package org.socialsuite.outbound.ratelimit;

import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;

/** The networks count sends per endpoint: tweets and DMs have separate quotas (PLATFORMS.md). */
public enum Endpoint {
    FACEBOOK_MESSAGES("facebook-messages"),
    FACEBOOK_COMMENTS("facebook-comments"),
    TWITTER_TWEETS("twitter-tweets"),
    TWITTER_DMS("twitter-dms"),
    TWITTER_LIKES("twitter-likes");

    private final String configName;

    Endpoint(String configName) {
        this.configName = configName;
    }

    /** The key under {@code outbound.rate-limit.}. */
    public String configName() {
        return configName;
    }

    /** Moderation on Facebook is counted with the page's comments; likes on X have their own. */
    public static Endpoint of(ReplyRequested command) {
        if (!command.isReply()) {
            return command.channel() == Channel.TWITTER ? TWITTER_LIKES : FACEBOOK_COMMENTS;
        }
        return of(command.channel(), command.mode());
    }

    private static Endpoint of(Channel channel, ReplyMode mode) {
        boolean publicReply = mode == ReplyMode.PUBLIC;
        return channel == Channel.TWITTER
                ? publicReply ? TWITTER_TWEETS : TWITTER_DMS
                : publicReply ? FACEBOOK_COMMENTS : FACEBOOK_MESSAGES;
    }
}
