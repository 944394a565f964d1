package org.socialsuite.conversation.reply;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.Visibility;

/**
 * What the reply rules need to know about a conversation.
 *
 * @param lastPublic the consumer's latest public message still on the network
 * @param lastPrivateAt when the consumer last wrote privately (opens the Messenger window)
 * @param lastPublicAnsweredPrivately whether a private response has already answered lastPublic
 */
public record ConversationFacts(
        Channel channel,
        Visibility lastInboundVisibility,
        Message lastPublic,
        Instant lastPrivateAt,
        boolean lastPublicAnsweredPrivately) {

    /**
     * Read from what the conversation keeps as messages arrive ({@link Conversation#heard}) and at
     * most two indexed lookups: the cost of a reply does not grow with the transcript.
     */
    public static Uni<ConversationFacts> of(Conversation conversation, MessageRepository messages) {
        return lastPublic(conversation, messages)
                .chain(
                        lastPublic ->
                                answeredPrivately(conversation, lastPublic, messages)
                                        .map(
                                                answered ->
                                                        new ConversationFacts(
                                                                conversation.channel,
                                                                conversation.lastInboundVisibility,
                                                                lastPublic,
                                                                conversation.lastPrivateAt,
                                                                answered)));
    }

    /**
     * The facts for a reply to one chosen public message of the consumer rather than their latest:
     * the comment a bulk reply answers, say.
     */
    public static Uni<ConversationFacts> answering(
            Conversation conversation, Message chosen, MessageRepository messages) {
        return answeredPrivately(conversation, chosen, messages)
                .map(
                        answered ->
                                new ConversationFacts(
                                        conversation.channel,
                                        conversation.lastInboundVisibility,
                                        chosen,
                                        conversation.lastPrivateAt,
                                        answered));
    }

    /** Comments and posts can get a Facebook private response; thread replies are Twitter's. */
    boolean lastPublicTakesPrivateResponse() {
        return takesPrivateResponse(lastPublic);
    }

    /** The message the conversation names, or, once its author removed it, the one before it. */
    private static Uni<Message> lastPublic(Conversation conversation, MessageRepository messages) {
        if (conversation.lastPublicMessageId == null) {
            return Uni.createFrom().nullItem();
        }
        return messages.findById(conversation.lastPublicMessageId)
                .chain(
                        named ->
                                named != null && !named.deleted
                                        ? Uni.createFrom().item(named)
                                        : messages.latestPublicFromConsumer(conversation.id));
    }

    private static Uni<Boolean> answeredPrivately(
            Conversation conversation, Message lastPublic, MessageRepository messages) {
        return takesPrivateResponse(lastPublic)
                ? messages.privatelyAnswered(conversation.id, lastPublic.platformId)
                : Uni.createFrom().item(false);
    }

    private static boolean takesPrivateResponse(Message message) {
        return message != null
                && (message.kind == MessageKind.COMMENT || message.kind == MessageKind.POST);
    }
}
