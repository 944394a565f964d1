package org.socialsuite.simulator.world;

import java.time.Instant;

/**
 * One message in a page's Messenger conversation with a person.
 *
 * @param answeredCommentId for a private response, the comment it answered
 */
public record MessengerMessage(
        String mid,
        String pageId,
        String psid,
        boolean fromPage,
        String text,
        Instant at,
        String answeredCommentId) {}
