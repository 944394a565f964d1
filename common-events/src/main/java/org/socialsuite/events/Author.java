package org.socialsuite.events;

/**
 * Who wrote an item, with whatever profile hints the network's payload carried. Only {@code id} is
 * always known; profile-service fills the rest in when the payload did not.
 */
public record Author(
        String id,
        String name,
        String handle,
        String imageUrl,
        String bio,
        Long followerCount,
        Long followingCount,
        Long tweetCount,
        Long likeCount) {

    public Author {
        Require.text(id, "author.id");
    }

    /** An author of whom the payload told us only the id and, perhaps, the name. */
    public static Author named(String id, String name) {
        return new Author(id, name, null, null, null, null, null, null, null);
    }
}
