package org.socialsuite.simulator.world;

import java.time.Instant;

/**
 * A post on a page or a comment under one. Comments nest one level: a reply to a reply hangs under
 * the same top-level comment.
 *
 * @param parentId the post for a top-level comment, the comment for a reply; null for a post
 * @param postId the post the item belongs to (itself for a post)
 */
public record FacebookItem(
        String id,
        String pageId,
        String parentId,
        String postId,
        String authorId,
        String authorName,
        String message,
        Instant createdAt) {

    public boolean isPost() {
        return parentId == null;
    }

    public boolean byPage() {
        return authorId.equals(pageId);
    }
}
