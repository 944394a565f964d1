package org.socialsuite.conversation.reply;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.Visibility;

/**
 * What the reply rules need to know about a conversation, read from its transcript.
 *
 * @param lastPublic the consumer's latest public message still on the network
 * @param lastPrivateAt when the consumer last wrote privately (opens the Messenger window)
 * @param privatelyAnswered the public items a private response has already been sent to
 */
public record ConversationFacts(
        Channel channel,
        Visibility lastInboundVisibility,
        Message lastPublic,
        Instant lastPrivateAt,
        Set<String> privatelyAnswered) {

    public static ConversationFacts of(Channel channel, List<Message> transcript) {
        Visibility lastVisibility = null;
        Message lastPublic = null;
        Instant lastPrivateAt = null;
        Set<String> answered = new java.util.HashSet<>();
        for (Message m : transcript) {
            if (m.direction == MessageDirection.OUTBOUND) {
                if (m.replyMode == ReplyMode.PRIVATE_RESPONSE && m.targetPlatformId != null) {
                    answered.add(m.targetPlatformId);
                }
                continue;
            }
            lastVisibility = m.visibility;
            if (m.visibility == Visibility.PRIVATE) {
                lastPrivateAt = later(lastPrivateAt, m.occurredAt);
            } else if (!m.deleted
                    && (lastPublic == null || !m.occurredAt.isBefore(lastPublic.occurredAt))) {
                lastPublic = m;
            }
        }
        return new ConversationFacts(channel, lastVisibility, lastPublic, lastPrivateAt, answered);
    }

    /** Comments and posts can get a Facebook private response; thread replies are Twitter's. */
    boolean lastPublicTakesPrivateResponse() {
        return lastPublic != null
                && (lastPublic.kind == MessageKind.COMMENT || lastPublic.kind == MessageKind.POST);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
