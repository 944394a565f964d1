package org.socialsuite.profile.network;

/** A network's answer about a consumer, in the widget's terms; what it withheld is null. */
public record FetchedProfile(
        String name,
        String handle,
        String imageUrl,
        String bio,
        String locale,
        Double timezoneOffsetHours,
        Long tweetCount,
        Long likeCount,
        Long followerCount,
        Long followingCount) {}
