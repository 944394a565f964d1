package org.socialsuite.profile.profile;

/**
 * The fields the widget shows, as stored or as a network answered (what it withheld is null); a
 * change in any of them is published.
 */
public record WidgetFields(
        String name,
        String handle,
        String imageUrl,
        String bio,
        String locale,
        Double timezoneOffsetHours,
        Long tweetCount,
        Long likeCount,
        Long followerCount,
        Long followingCount) {

    public boolean isEmpty() {
        return equals(new WidgetFields(null, null, null, null, null, null, null, null, null, null));
    }
}
