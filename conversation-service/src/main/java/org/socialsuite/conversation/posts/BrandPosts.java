package org.socialsuite.conversation.posts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.posts.PostViews.Answer;
import org.socialsuite.conversation.posts.PostViews.Comment;
import org.socialsuite.conversation.posts.PostViews.Post;
import org.socialsuite.conversation.posts.PostViews.Reply;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;

/**
 * The brand's posts and tweets as their comments show them: a Facebook comment belongs to the post
 * at its root, an X reply to the tweet it answers. Read with plain SQL over the messages (indexed
 * by the post they are under), so a post with thousands of comments is one statement.
 */
@ApplicationScoped
public class BrandPosts {

    private static final String FROM_MESSAGES =
            " FROM message m JOIN conversation c ON c.id = m.conversation_id";

    /** A consumer's public comment or reply still on the network, under a post. */
    private static final String A_COMMENT =
            " WHERE c.brand_id = $1 AND m.direction = 'INBOUND' AND m.visibility = 'PUBLIC' AND"
                    + " m.kind IN ('COMMENT', 'THREAD_REPLY') AND NOT m.deleted";

    private static final String POST_KEY = "coalesce(m.root_platform_id, m.parent_platform_id)";

    /** The brand's answer to a comment: a reply that names it, or one sent to its id. */
    private static final String ANSWERS =
            "r.direction = 'OUTBOUND' AND (r.answers_message_id = m.id OR (r.conversation_id ="
                    + " m.conversation_id AND r.target_platform_id = m.platform_id))";

    private final Pool database;

    public BrandPosts(Pool database) {
        this.database = database;
    }

    /** The posts whose comments arrived since {@code since}, the latest activity first. */
    public Uni<List<Post>> recent(String brandId, Channel channel, Instant since, int limit) {
        return database.preparedQuery(
                        "SELECT x.post_id, x.channel, x.account_id, b.text, b.occurred_at AS"
                                + " posted_at, count(*) AS comments, count(*) FILTER (WHERE"
                                + " x.answer IS NULL) AS unanswered, count(*) FILTER (WHERE"
                                + " x.answer = 'PUBLIC') AS answered_publicly, count(*) FILTER"
                                + " (WHERE x.answer = 'PRIVATE_RESPONSE') AS moved_to_private,"
                                + " max(x.occurred_at) AS latest FROM (SELECT "
                                + POST_KEY
                                + " AS post_id, m.channel, m.account_id, m.occurred_at, (SELECT"
                                + " r.reply_mode FROM message r WHERE "
                                + ANSWERS
                                + " ORDER BY r.occurred_at DESC, r.seq DESC LIMIT 1) AS answer"
                                + FROM_MESSAGES
                                + A_COMMENT
                                + " AND m.occurred_at > $2 AND ($3::text IS NULL OR m.channel ="
                                + " $3) AND "
                                + POST_KEY
                                + " IS NOT NULL) x LEFT JOIN brand_item b ON b.account_id ="
                                + " x.account_id AND b.platform_id = x.post_id GROUP BY x.post_id,"
                                + " x.channel, x.account_id, b.text, b.occurred_at ORDER BY latest"
                                + " DESC LIMIT $4")
                .execute(
                        Tuple.of(
                                brandId,
                                since.atOffset(ZoneOffset.UTC),
                                channel == null ? null : channel.name(),
                                limit))
                .map(
                        rows -> {
                            List<Post> posts = new ArrayList<>();
                            rows.forEach(row -> posts.add(post(row)));
                            return posts;
                        });
    }

    /** One post with its comments in time order, each with the brand's latest answer; or 404. */
    public Uni<PostViews.Comments> comments(String brandId, String postId, int limit) {
        return database.preparedQuery(
                        "SELECT m.id, m.conversation_id, m.channel, m.account_id, m.platform_id,"
                                + " m.author_id, m.author_name, m.text, m.occurred_at, m.hidden,"
                                + " a.id AS reply_id, a.reply_mode, a.delivery_status,"
                                + " a.failure_reason, b.text AS post_text, b.occurred_at AS"
                                + " posted_at"
                                + FROM_MESSAGES
                                + " LEFT JOIN LATERAL (SELECT r.id, r.reply_mode,"
                                + " r.delivery_status, r.failure_reason FROM message r WHERE "
                                + ANSWERS
                                + " ORDER BY r.occurred_at DESC, r.seq DESC LIMIT 1) a ON true"
                                + " LEFT JOIN brand_item b ON b.account_id = m.account_id AND"
                                + " b.platform_id = $2"
                                + A_COMMENT
                                + " AND "
                                + POST_KEY
                                + " = $2 ORDER BY m.occurred_at, m.seq LIMIT $3")
                .execute(Tuple.of(brandId, postId, limit))
                .map(
                        rows -> {
                            if (rows.size() == 0) {
                                throw new NotFoundException("No comments under post " + postId);
                            }
                            List<Comment> comments = new ArrayList<>();
                            rows.forEach(row -> comments.add(comment(row)));
                            return new PostViews.Comments(
                                    summary(postId, rows.iterator().next(), comments), comments);
                        });
    }

    /** The post as the first comment's row knows it, counted over its comments. */
    private static Post summary(String postId, Row first, List<Comment> comments) {
        return new Post(
                postId,
                Channel.valueOf(first.getString("channel")),
                first.getString("account_id"),
                first.getString("post_text"),
                instant(first.getOffsetDateTime("posted_at")),
                comments.size(),
                count(comments, Answer.UNANSWERED),
                count(comments, Answer.ANSWERED_PUBLICLY),
                count(comments, Answer.MOVED_TO_PRIVATE),
                comments.get(comments.size() - 1).occurredAt());
    }

    private static long count(List<Comment> comments, Answer answer) {
        return comments.stream().filter(c -> c.answer() == answer).count();
    }

    private static Post post(Row row) {
        return new Post(
                row.getString("post_id"),
                Channel.valueOf(row.getString("channel")),
                row.getString("account_id"),
                row.getString("text"),
                instant(row.getOffsetDateTime("posted_at")),
                row.getLong("comments"),
                row.getLong("unanswered"),
                row.getLong("answered_publicly"),
                row.getLong("moved_to_private"),
                instant(row.getOffsetDateTime("latest")));
    }

    private static Comment comment(Row row) {
        String mode = row.getString("reply_mode");
        Reply reply =
                mode == null
                        ? null
                        : new Reply(
                                row.getUUID("reply_id"),
                                ReplyMode.valueOf(mode),
                                row.getString("delivery_status") == null
                                        ? null
                                        : DeliveryStatus.valueOf(row.getString("delivery_status")),
                                row.getString("failure_reason"));
        Answer answer =
                reply == null
                        ? Answer.UNANSWERED
                        : reply.mode() == ReplyMode.PUBLIC
                                ? Answer.ANSWERED_PUBLICLY
                                : Answer.MOVED_TO_PRIVATE;
        return new Comment(
                row.getUUID("id"),
                row.getUUID("conversation_id"),
                row.getString("platform_id"),
                row.getString("author_id"),
                row.getString("author_name"),
                row.getString("text"),
                instant(row.getOffsetDateTime("occurred_at")),
                row.getBoolean("hidden"),
                answer,
                reply);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
