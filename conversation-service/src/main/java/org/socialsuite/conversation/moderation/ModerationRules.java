package org.socialsuite.conversation.moderation;

import java.util.Optional;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.Visibility;

/**
 * What the networks let a brand do to a consumer's item, and whether it would change anything: a
 * refusal here is never sent (PLATFORMS.md, "Moderation").
 */
final class ModerationRules {

    private ModerationRules() {}

    /** Why the action cannot be taken on the message now, or empty. */
    static Optional<String> refusal(Message m, OutboundAction action) {
        if (action == OutboundAction.REPLY) {
            return Optional.of("Replies are sent with POST …/replies");
        }
        if (m.direction != MessageDirection.INBOUND || m.platformId == null) {
            return Optional.of("Only a consumer's item on the network can be moderated");
        }
        if (m.visibility != Visibility.PUBLIC) {
            return Optional.of("Private messages cannot be moderated, only public items");
        }
        if (m.deleted) {
            return Optional.of("The item was deleted");
        }
        return switch (action) {
            case HIDE, UNHIDE -> {
                if (m.channel != Channel.FACEBOOK || m.kind != MessageKind.COMMENT) {
                    yield Optional.of("Only Facebook comments can be hidden");
                }
                if (action == OutboundAction.HIDE && m.hidden) {
                    yield Optional.of("The comment is already hidden");
                }
                yield action == OutboundAction.UNHIDE && !m.hidden
                        ? Optional.of("The comment is not hidden")
                        : Optional.empty();
            }
            case DELETE ->
                    m.channel == Channel.FACEBOOK
                            ? Optional.empty()
                            : Optional.of(
                                    "Twitter/X does not let a brand delete a consumer's tweet");
            case LIKE -> m.liked ? Optional.of("The brand already likes it") : Optional.empty();
            case REPLY -> throw new IllegalStateException("refused above");
        };
    }
}
