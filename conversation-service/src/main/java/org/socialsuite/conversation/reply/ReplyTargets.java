package org.socialsuite.conversation.reply;

import java.time.Instant;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyTarget;

/** Exactly what a reply answers on the network, so outbound-service has nothing to guess. */
final class ReplyTargets {

    private ReplyTargets() {}

    static ReplyTarget of(
            Conversation conversation, ConversationFacts facts, ReplyModeAvailability mode) {
        Message lastPublic = facts.lastPublic();
        String platformId =
                switch (mode.mode()) {
                    case PUBLIC -> publicTarget(lastPublic);
                    case PRIVATE_RESPONSE -> lastPublic.platformId;
                    case PRIVATE -> null;
                };
        Instant answeredAt =
                mode.mode() == ReplyMode.PRIVATE ? facts.lastPrivateAt() : lastPublic.occurredAt;
        return new ReplyTarget(
                conversation.consumerId,
                conversation.consumerHandle,
                platformId,
                mode.messageTag(),
                answeredAt);
    }

    /**
     * Facebook comments nest one level: a reply to a reply goes under its parent comment. Posts,
     * top-level comments and tweets are answered directly.
     */
    private static String publicTarget(Message lastPublic) {
        boolean replyToAComment =
                lastPublic.kind == MessageKind.COMMENT
                        && lastPublic.parentPlatformId != null
                        && !lastPublic.parentPlatformId.equals(lastPublic.rootPlatformId);
        return replyToAComment ? lastPublic.parentPlatformId : lastPublic.platformId;
    }

    /** What the outbound message remembers it answered (a private response: the comment). */
    static String answered(ReplyMode mode, ReplyTarget target) {
        return mode == ReplyMode.PRIVATE ? null : target.platformId();
    }
}
