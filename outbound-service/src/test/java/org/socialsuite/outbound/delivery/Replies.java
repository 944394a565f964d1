package org.socialsuite.outbound.delivery;

import java.time.Instant;
import java.util.UUID;
import org.socialsuite.events.Channel;
import org.socialsuite.events.OutboundAction;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyTarget;

/** Reply commands as conversation-service writes them, each with fresh ids. */
final class Replies {

    static final String TEXT = "We are on it";

    private Replies() {}

    static ReplyRequested facebook(ReplyMode mode, ReplyTarget target) {
        return of("acme-facebook", Channel.FACEBOOK, mode, target, TEXT);
    }

    static ReplyRequested twitter(ReplyMode mode, ReplyTarget target) {
        return of("acme-twitter", Channel.TWITTER, mode, target, TEXT);
    }

    /** A consumer's message the reply answers, written {@code ago} before now. */
    static ReplyTarget answering(
            String consumerId, String handle, String platformId, java.time.Duration ago) {
        return new ReplyTarget(consumerId, handle, platformId, null, Instant.now().minus(ago));
    }

    static ReplyRequested of(
            String accountId, Channel channel, ReplyMode mode, ReplyTarget target, String text) {
        return new ReplyRequested(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                accountId,
                accountId.substring(0, accountId.indexOf('-')),
                channel,
                mode,
                text,
                target,
                accountId.substring(0, accountId.indexOf('-')) + "-agent",
                Instant.now());
    }

    /** A moderation action on the consumer's item, as conversation-service writes it. */
    static ReplyRequested moderation(
            String accountId,
            Channel channel,
            OutboundAction action,
            String consumerId,
            String item) {
        String brand = accountId.substring(0, accountId.indexOf('-'));
        return new ReplyRequested(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                accountId,
                brand,
                channel,
                ReplyMode.PUBLIC,
                null,
                new ReplyTarget(consumerId, null, item, null, Instant.now()),
                brand + "-agent",
                Instant.now(),
                action);
    }

    /** The same reply again, in the same conversation (same partition), with a new id. */
    static ReplyRequested another(ReplyRequested reply) {
        return new ReplyRequested(
                UUID.randomUUID().toString(),
                reply.conversationId(),
                reply.accountId(),
                reply.brandId(),
                reply.channel(),
                reply.mode(),
                reply.text(),
                reply.target(),
                reply.agentId(),
                Instant.now());
    }
}
