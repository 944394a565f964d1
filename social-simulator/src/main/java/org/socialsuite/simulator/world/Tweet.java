package org.socialsuite.simulator.world;

import java.time.Instant;

/**
 * A tweet; a reply names the tweet it answers, and every tweet of a thread shares its root's id as
 * conversation id.
 */
public record Tweet(
        String id,
        String authorId,
        String text,
        String inReplyToId,
        String inReplyToUserId,
        String conversationId,
        Instant createdAt) {}
