package org.socialsuite.profile.network;

import java.time.Instant;

/**
 * A post, comment or tweet as a network returned it.
 *
 * @param parentPlatformId what it answers; null for a root post, and for a top-level Facebook
 *     comment (the Graph API names only a reply's parent comment)
 */
public record FetchedPost(
        String platformId,
        String parentPlatformId,
        String rootPlatformId,
        String authorId,
        String authorName,
        String authorHandle,
        String text,
        Instant createdAt,
        String permalink) {}
