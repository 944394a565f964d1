package org.socialsuite.events;

import java.time.Instant;

/**
 * A consumer's widget fields changed, on {@link Topics#PROFILE}, keyed {@code channel:consumerId}.
 * Facebook fills name, image, locale and time zone; Twitter/X the handle, bio and counts.
 *
 * @param timezoneOffsetHours hours from UTC, possibly fractional (5.5)
 */
public record ConsumerProfileUpdated(
        Channel channel,
        String consumerId,
        String accountId,
        String name,
        String handle,
        String imageUrl,
        String bio,
        String locale,
        Double timezoneOffsetHours,
        Long tweetCount,
        Long likeCount,
        Long followerCount,
        Long followingCount,
        Instant updatedAt) {

    public ConsumerProfileUpdated {
        Require.present(channel, "channel");
        Require.text(consumerId, "consumerId");
        Require.text(accountId, "accountId");
        Require.present(updatedAt, "updatedAt");
    }

    public String key() {
        return channel + ":" + consumerId;
    }
}
