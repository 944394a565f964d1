package org.socialsuite.profile.post;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A post under its parents, root first (DESIGN.md §4).
 *
 * @param complete false when a parent could not be fetched or the depth limit was reached; the
 *     items then start below the root
 */
public record ThreadView(List<Item> items, boolean complete) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String platformId,
            Author author,
            String text,
            Instant createdAt,
            String permalink,
            boolean deleted) {

        static Item of(Post post) {
            return new Item(
                    post.platformId,
                    new Author(post.authorId, post.authorName, post.authorHandle),
                    post.deleted ? null : post.text,
                    post.createdAt,
                    post.permalink,
                    post.deleted);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String id, String name, String handle) {}
}
