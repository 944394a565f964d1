package org.socialsuite.conversation.inbound;

import java.time.Instant;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.conversation.ConversationStatus;
import org.socialsuite.conversation.message.EarlyLifecycle;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.privacy.PersonalDataScanner;
import org.socialsuite.conversation.profile.KnownConsumer;
import org.socialsuite.conversation.queue.ResponseTargets;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.SocialEventReceived;

/**
 * How a consumer's new message joins its conversation, in memory: the message as the network
 * reported it, with what came early about it and the consumer's name as last known, and the
 * conversation's preview, names, reply facts and awaited answer brought up to date. Both ways of
 * storing inbound events (entities, and set-based statements for a poll of new messages) take it
 * from here, so they cannot disagree.
 */
final class Arrival {

    private Arrival() {}

    /**
     * A conversation the caller found closed is reopened by the message: the caller only offers one
     * closed recently enough (see {@link org.socialsuite.conversation.queue.ReopenWindow}).
     *
     * @param early what happened to the item before it arrived, or null
     * @param known the consumer's name and handle as profile-service last announced, or null
     * @param targets how soon the brand answers, for a consumer now waiting
     * @param personalData flags what a public message shows everyone, once, as it is stored
     */
    static Message of(
            Conversation conversation,
            SocialEventReceived event,
            EarlyLifecycle early,
            KnownConsumer known,
            ResponseTargets targets,
            PersonalDataScanner personalData,
            Instant now) {
        if (conversation.status == ConversationStatus.CLOSED) {
            conversation.reopen(now);
        }
        Message message = Message.fromNetwork(conversation.id, MessageDirection.INBOUND, event);
        if (early != null) {
            early.applyTo(message);
        }
        personalData.flag(conversation.brandId, message);
        if (event.author().name() != null) {
            conversation.consumerName = event.author().name();
        }
        if (event.author().handle() != null) {
            conversation.consumerHandle = event.author().handle();
        }
        if (known != null) {
            // The event does not name its author (Messenger): as profile-service last said.
            if (message.authorName == null) {
                message.authorName = known.name;
            }
            if (conversation.consumerName == null) {
                conversation.consumerName = known.name;
            }
            if (conversation.consumerHandle == null) {
                conversation.consumerHandle = known.handle;
            }
        }
        // A message its author already removed never becomes the conversation's preview.
        if (!message.deleted
                && (conversation.lastMessageAt == null
                        || !message.occurredAt.isBefore(conversation.lastMessageAt))) {
            conversation.lastMessageText = message.text;
            conversation.lastMessageVisibility = message.visibility;
            conversation.lastMessageAt = message.occurredAt;
        }
        conversation.heard(message);
        // Something its author removed before it arrived awaits no answer.
        if (!message.deleted) {
            conversation.awaitResponse(
                    message.occurredAt,
                    targets.of(conversation.brandId, conversation.channel, message.visibility));
        }
        conversation.updatedAt = now;
        return message;
    }
}
