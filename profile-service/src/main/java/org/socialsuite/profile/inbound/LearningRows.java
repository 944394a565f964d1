package org.socialsuite.profile.inbound;

import static org.socialsuite.support.persistence.SqlTimes.instant;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.socialsuite.events.Channel;
import org.socialsuite.profile.post.Post;
import org.socialsuite.profile.profile.ConsumerProfile;
import org.socialsuite.support.persistence.SqlTimes;

/**
 * The statements of a poll's learning, on one connection in one transaction: each table read once
 * for the poll's keys and written once, a multi-row upsert over {@code unnest}, whatever the poll's
 * size. Rows go in id order, so two polls writing the same rows lock them in the same order. The
 * rows are the entities' own tables (see {@link ConsumerProfile}, {@link Post}); nothing here is
 * managed by Hibernate.
 */
final class LearningRows {

    private final SqlConnection connection;

    LearningRows(SqlConnection connection) {
        this.connection = connection;
    }

    Uni<Map<String, Post>> posts(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection
                .preparedQuery(
                        "SELECT id, account_id, brand_id, channel, platform_id, parent_platform_id,"
                                + " root_platform_id, author_id, author_name, author_handle, text,"
                                + " created_at, permalink, deleted, source, stored_at FROM post"
                                + " WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(
                        rows -> {
                            Map<String, Post> found = new HashMap<>();
                            rows.forEach(row -> found.put(row.getString("id"), post(row)));
                            return found;
                        });
    }

    Uni<Map<String, ConsumerProfile>> profiles(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection
                .preparedQuery(
                        "SELECT id, account_id, brand_id, channel, consumer_id, name, handle,"
                                + " image_url, bio, locale, timezone_offset_hours, tweet_count,"
                                + " like_count, follower_count, following_count, learnt_at,"
                                + " fetched_at, not_found_at FROM consumer_profile"
                                + " WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(
                        rows -> {
                            Map<String, ConsumerProfile> found = new HashMap<>();
                            rows.forEach(row -> found.put(row.getString("id"), profile(row)));
                            return found;
                        });
    }

    /** The posts as the poll leaves them, whole, as an entity update writes them. */
    Uni<Void> writePosts(Collection<Post> posts) {
        if (posts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Post> ordered = posts.stream().sorted(Comparator.comparing(p -> p.id)).toList();
        return connection
                .preparedQuery(
                        "INSERT INTO post (id, account_id, brand_id, channel, platform_id,"
                                + " parent_platform_id, root_platform_id, author_id, author_name,"
                                + " author_handle, text, created_at, permalink, deleted, source,"
                                + " stored_at) SELECT * FROM unnest($1::text[], $2::text[],"
                                + " $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
                                + " $8::text[], $9::text[], $10::text[], $11::text[],"
                                + " $12::timestamptz[], $13::text[], $14::boolean[], $15::text[],"
                                + " $16::timestamptz[]) ON CONFLICT (id) DO UPDATE SET"
                                + " parent_platform_id = EXCLUDED.parent_platform_id,"
                                + " root_platform_id = EXCLUDED.root_platform_id,"
                                + " author_id = EXCLUDED.author_id,"
                                + " author_name = EXCLUDED.author_name,"
                                + " author_handle = EXCLUDED.author_handle,"
                                + " text = EXCLUDED.text, created_at = EXCLUDED.created_at,"
                                + " permalink = EXCLUDED.permalink, deleted = EXCLUDED.deleted,"
                                + " source = EXCLUDED.source, stored_at = EXCLUDED.stored_at")
                .execute(
                        Tuple.from(
                                new Object[] {
                                    column(ordered, p -> p.id),
                                    column(ordered, p -> p.accountId),
                                    column(ordered, p -> p.brandId),
                                    column(ordered, p -> p.channel.name()),
                                    column(ordered, p -> p.platformId),
                                    column(ordered, p -> p.parentPlatformId),
                                    column(ordered, p -> p.rootPlatformId),
                                    column(ordered, p -> p.authorId),
                                    column(ordered, p -> p.authorName),
                                    column(ordered, p -> p.authorHandle),
                                    column(ordered, p -> p.text),
                                    times(ordered, p -> p.createdAt),
                                    column(ordered, p -> p.permalink),
                                    ordered.stream().map(p -> p.deleted).toArray(Boolean[]::new),
                                    column(ordered, p -> p.source.name()),
                                    times(ordered, p -> p.storedAt)
                                }))
                .replaceWithVoid();
    }

    /**
     * The poll's hints about each consumer: a new profile is inserted with them, a known one takes
     * each hint the poll had and keeps every other column as it stands now, so a fetch's answer
     * stored meanwhile is never overwritten with what this poll read before it.
     */
    Uni<Void> writeHints(Collection<ConsumerProfile> hints) {
        if (hints.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ConsumerProfile> ordered =
                hints.stream().sorted(Comparator.comparing(p -> p.id)).toList();
        return connection
                .preparedQuery(
                        "INSERT INTO consumer_profile (id, account_id, brand_id, channel,"
                                + " consumer_id, name, handle, image_url, bio, tweet_count,"
                                + " like_count, follower_count, following_count, learnt_at)"
                                + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[],"
                                + " $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],"
                                + " $9::text[], $10::bigint[], $11::bigint[], $12::bigint[],"
                                + " $13::bigint[], $14::timestamptz[]) ON CONFLICT (id) DO UPDATE"
                                + " SET name = COALESCE(EXCLUDED.name, consumer_profile.name),"
                                + " handle = COALESCE(EXCLUDED.handle, consumer_profile.handle),"
                                + " image_url = COALESCE(EXCLUDED.image_url,"
                                + " consumer_profile.image_url),"
                                + " bio = COALESCE(EXCLUDED.bio, consumer_profile.bio),"
                                + " tweet_count = COALESCE(EXCLUDED.tweet_count,"
                                + " consumer_profile.tweet_count),"
                                + " like_count = COALESCE(EXCLUDED.like_count,"
                                + " consumer_profile.like_count),"
                                + " follower_count = COALESCE(EXCLUDED.follower_count,"
                                + " consumer_profile.follower_count),"
                                + " following_count = COALESCE(EXCLUDED.following_count,"
                                + " consumer_profile.following_count),"
                                + " learnt_at = EXCLUDED.learnt_at")
                .execute(
                        Tuple.from(
                                new Object[] {
                                    column(ordered, p -> p.id),
                                    column(ordered, p -> p.accountId),
                                    column(ordered, p -> p.brandId),
                                    column(ordered, p -> p.channel.name()),
                                    column(ordered, p -> p.consumerId),
                                    column(ordered, p -> p.name),
                                    column(ordered, p -> p.handle),
                                    column(ordered, p -> p.imageUrl),
                                    column(ordered, p -> p.bio),
                                    counts(ordered, p -> p.tweetCount),
                                    counts(ordered, p -> p.likeCount),
                                    counts(ordered, p -> p.followerCount),
                                    counts(ordered, p -> p.followingCount),
                                    times(ordered, p -> p.learntAt)
                                }))
                .replaceWithVoid();
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static <T> Long[] counts(List<T> rows, Function<T, Long> value) {
        return rows.stream().map(value).toArray(Long[]::new);
    }

    private static <T> OffsetDateTime[] times(List<T> rows, Function<T, Instant> value) {
        return rows.stream().map(value).map(SqlTimes::utc).toArray(OffsetDateTime[]::new);
    }

    private static Post post(Row row) {
        Post post =
                Post.fresh(
                        row.getString("account_id"),
                        row.getString("brand_id"),
                        Channel.valueOf(row.getString("channel")),
                        row.getString("platform_id"));
        post.parentPlatformId = row.getString("parent_platform_id");
        post.rootPlatformId = row.getString("root_platform_id");
        post.authorId = row.getString("author_id");
        post.authorName = row.getString("author_name");
        post.authorHandle = row.getString("author_handle");
        post.text = row.getString("text");
        post.createdAt = instant(row, "created_at");
        post.permalink = row.getString("permalink");
        post.deleted = row.getBoolean("deleted");
        post.source = Post.Source.valueOf(row.getString("source"));
        post.storedAt = instant(row, "stored_at");
        return post;
    }

    private static ConsumerProfile profile(Row row) {
        ConsumerProfile profile = new ConsumerProfile();
        profile.id = row.getString("id");
        profile.accountId = row.getString("account_id");
        profile.brandId = row.getString("brand_id");
        profile.channel = Channel.valueOf(row.getString("channel"));
        profile.consumerId = row.getString("consumer_id");
        profile.name = row.getString("name");
        profile.handle = row.getString("handle");
        profile.imageUrl = row.getString("image_url");
        profile.bio = row.getString("bio");
        profile.locale = row.getString("locale");
        profile.timezoneOffsetHours = row.getDouble("timezone_offset_hours");
        profile.tweetCount = row.getLong("tweet_count");
        profile.likeCount = row.getLong("like_count");
        profile.followerCount = row.getLong("follower_count");
        profile.followingCount = row.getLong("following_count");
        profile.learntAt = instant(row, "learnt_at");
        profile.fetchedAt = instant(row, "fetched_at");
        profile.notFoundAt = instant(row, "not_found_at");
        return profile;
    }
}
