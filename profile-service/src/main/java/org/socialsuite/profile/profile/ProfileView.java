package org.socialsuite.profile.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.socialsuite.events.Channel;

/**
 * The widget's fields (DESIGN.md §2): Facebook shows name, image, locale, time zone and the
 * consumer's local time; Twitter/X the name, handle, image, bio and counts. A field the network
 * withheld is absent. {@code stale} marks the last known data, served while the network cannot be
 * asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileView(
        Channel channel,
        String consumerId,
        String name,
        String handle,
        String imageUrl,
        String bio,
        String locale,
        Double timezone,
        OffsetDateTime consumerLocalTime,
        Long tweetCount,
        Long likeCount,
        Long followerCount,
        Long followingCount,
        Instant learntAt,
        Instant fetchedAt,
        boolean stale) {

    /**
     * @param stale the network could not be asked, so this is the last known data
     */
    public static ProfileView of(ConsumerProfile p, Instant now, boolean stale) {
        boolean facebook = p.channel == Channel.FACEBOOK;
        return new ProfileView(
                p.channel,
                p.consumerId,
                p.name,
                facebook ? null : p.handle,
                p.imageUrl,
                facebook ? null : p.bio,
                facebook ? p.locale : null,
                facebook ? p.timezoneOffsetHours : null,
                facebook ? localTime(p.timezoneOffsetHours, now) : null,
                facebook ? null : p.tweetCount,
                facebook ? null : p.likeCount,
                facebook ? null : p.followerCount,
                facebook ? null : p.followingCount,
                p.learntAt,
                p.fetchedAt,
                stale);
    }

    /** Computed when asked, from an offset that may be fractional (5.5 is +05:30). */
    static OffsetDateTime localTime(Double offsetHours, Instant now) {
        if (offsetHours == null) {
            return null;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) Math.round(offsetHours * 3600));
        return now.atOffset(offset);
    }
}
