package org.socialsuite.outbound.network;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.socialsuite.events.Channel;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.support.rules.MessagingWindows;
import org.socialsuite.support.rules.ReplyLength;

/**
 * The networks' rules, checked again at the moment of sending: a reply may have waited in the queue
 * or for a retry while its window closed. A reply that breaks one fails without a network call.
 */
final class SendRules {

    private SendRules() {}

    static Optional<NetworkError> check(ReplyRequested reply, Instant now) {
        if (!reply.isReply()) {
            return moderation(reply);
        }
        ReplyTarget target = reply.target();
        Optional<String> length =
                ReplyLength.problem(
                        reply.channel(), reply.mode(), reply.text(), target.consumerHandle());
        if (length.isPresent()) {
            return Optional.of(NetworkError.fail("invalid_text", length.get()));
        }
        if (reply.mode() != ReplyMode.PRIVATE && target.platformId() == null) {
            return Optional.of(
                    NetworkError.fail("no_target", "The reply names no post, comment or tweet"));
        }
        if (reply.channel() == Channel.TWITTER) {
            return reply.mode() == ReplyMode.PRIVATE_RESPONSE
                    ? Optional.of(
                            NetworkError.fail("unsupported", "Twitter/X has no private responses"))
                    : Optional.empty();
        }
        return facebookWindow(reply.mode(), target.answeredAt(), now);
    }

    /**
     * Facebook lets a page hide, unhide, delete and like comments on its posts (and delete or like
     * visitors' posts); X lets an account like a tweet, and never delete another's.
     */
    private static Optional<NetworkError> moderation(ReplyRequested command) {
        if (command.target().platformId() == null) {
            return Optional.of(NetworkError.fail("no_target", "The action names no item"));
        }
        if (command.channel() == Channel.TWITTER && command.action() != OutboundAction.LIKE) {
            return Optional.of(
                    NetworkError.fail(
                            "unsupported",
                            "Twitter/X does not let a brand "
                                    + command.action().name().toLowerCase(Locale.ROOT)
                                    + " a consumer's tweet"));
        }
        return Optional.empty();
    }

    /** The Messenger tag a private message needs now, or none. */
    static String messageTag(ReplyTarget target, Instant now) {
        return target.answeredAt() == null
                ? target.messageTag()
                : MessagingWindows.messenger(target.answeredAt(), now).messageTag();
    }

    private static Optional<NetworkError> facebookWindow(
            ReplyMode mode, Instant answeredAt, Instant now) {
        if (answeredAt == null) {
            return Optional.empty();
        }
        if (mode == ReplyMode.PRIVATE && !MessagingWindows.messenger(answeredAt, now).open()) {
            return Optional.of(
                    NetworkError.fail(
                            "window_closed",
                            "The Messenger window closed 7 days after the consumer's last"
                                    + " message"));
        }
        if (mode == ReplyMode.PRIVATE_RESPONSE
                && !now.isBefore(MessagingWindows.privateResponseEnd(answeredAt))) {
            return Optional.of(
                    NetworkError.fail(
                            "window_closed",
                            "Private responses are possible only within 7 days of the comment"));
        }
        return Optional.empty();
    }
}
