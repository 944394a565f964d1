package org.socialsuite.conversation.posts;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socialsuite.conversation.conversation.ConversationRepository;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.conversation.posts.PostViews.Answer;
import org.socialsuite.conversation.posts.PostViews.BulkResult;
import org.socialsuite.conversation.posts.PostViews.Comment;
import org.socialsuite.conversation.posts.PostViews.Refused;
import org.socialsuite.conversation.posts.PostViews.Sent;
import org.socialsuite.conversation.reply.ReplyRejected;
import org.socialsuite.conversation.reply.ReplyService;
import org.socialsuite.events.ReplyMode;

/**
 * One text sent to many comments of a post: each comment gets a reply of its own in its consumer's
 * conversation (its own command, delivery status and place in the transcript), all in one
 * transaction; outbound-service then paces them by the account's rate limit. A comment is never
 * answered twice in the same way: one already answered so is refused, and a unique index stops two
 * bulk replies racing to it.
 */
@ApplicationScoped
public class BulkReplies {

    /** The most comments one request answers. */
    public static final int MAX_COMMENTS = 500;

    /**
     * @param mode PUBLIC or PRIVATE_RESPONSE
     * @param commentIds the comments to answer (their message ids), or
     * @param unanswered every comment under the post not answered yet
     * @param personalDataConfirmed a public reply may show the personal data it holds (see {@link
     *     org.socialsuite.conversation.reply.ReplyRequest})
     */
    public record BulkReplyRequest(
            String text,
            ReplyMode mode,
            List<UUID> commentIds,
            boolean unanswered,
            boolean personalDataConfirmed) {}

    private final BrandPosts posts;
    private final ReplyService replies;
    private final MessageRepository messages;
    private final ConversationRepository conversations;

    public BulkReplies(
            BrandPosts posts,
            ReplyService replies,
            MessageRepository messages,
            ConversationRepository conversations) {
        this.posts = posts;
        this.replies = replies;
        this.messages = messages;
        this.conversations = conversations;
    }

    @WithTransaction
    public Uni<BulkResult> send(
            String brandId, String agentId, String postId, BulkReplyRequest request) {
        ReplyMode mode = check(request);
        // Once for the whole request: the same text goes under every comment.
        replies.refusePersonalData(brandId, mode, request.text(), request.personalDataConfirmed());
        UUID bulkId = UUID.randomUUID();
        return posts.comments(brandId, postId, MAX_COMMENTS)
                .chain(
                        found -> {
                            List<Refused> refused = new ArrayList<>();
                            List<Comment> chosen = choose(found.items(), request, refused);
                            return Multi.createFrom()
                                    .iterable(chosen)
                                    .onItem()
                                    .transformToUniAndConcatenate(
                                            comment ->
                                                    answer(
                                                            comment,
                                                            mode,
                                                            request.text(),
                                                            agentId,
                                                            bulkId,
                                                            request.personalDataConfirmed()))
                                    .collect()
                                    .asList()
                                    .map(outcomes -> result(bulkId, outcomes, refused));
                        });
    }

    private static ReplyMode check(BulkReplyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ReplyRejected.badText("The body must be {text, mode, commentIds or unanswered}");
        }
        if (request.mode() != ReplyMode.PUBLIC && request.mode() != ReplyMode.PRIVATE_RESPONSE) {
            throw new BadRequestException("mode must be PUBLIC or PRIVATE_RESPONSE");
        }
        boolean named = request.commentIds() != null && !request.commentIds().isEmpty();
        if (named == request.unanswered()) {
            throw new BadRequestException(
                    "Name the comments (commentIds) or ask for every unanswered one");
        }
        if (named && request.commentIds().size() > MAX_COMMENTS) {
            throw new BadRequestException("At most " + MAX_COMMENTS + " comments at a time");
        }
        return request.mode();
    }

    /** The comments asked for, in the post's order; named ones not under the post are refused. */
    private static List<Comment> choose(
            List<Comment> underPost, BulkReplyRequest request, List<Refused> refused) {
        if (request.unanswered()) {
            return underPost.stream().filter(c -> c.answer() == Answer.UNANSWERED).toList();
        }
        Set<UUID> asked = Set.copyOf(request.commentIds());
        Map<UUID, Comment> byId =
                underPost.stream()
                        .collect(Collectors.toMap(Comment::messageId, Function.identity()));
        asked.stream()
                .filter(id -> !byId.containsKey(id))
                .forEach(id -> refused.add(new Refused(id, "Not a comment under this post")));
        return underPost.stream().filter(c -> asked.contains(c.messageId())).toList();
    }

    private Uni<Object> answer(
            Comment comment,
            ReplyMode mode,
            String text,
            String agentId,
            UUID bulkId,
            boolean personalDataConfirmed) {
        Answer already =
                mode == ReplyMode.PUBLIC ? Answer.ANSWERED_PUBLICLY : Answer.MOVED_TO_PRIVATE;
        if (comment.answer() == already) {
            return Uni.createFrom()
                    .item(
                            new Refused(
                                    comment.messageId(),
                                    mode == ReplyMode.PUBLIC
                                            ? "Already answered publicly"
                                            : "Already answered with a Private Response"));
        }
        return conversations
                .findById(comment.conversationId())
                .chain(
                        conversation ->
                                messages.findById(comment.messageId())
                                        .chain(
                                                message ->
                                                        replies.replyTo(
                                                                conversation,
                                                                message,
                                                                mode,
                                                                text,
                                                                agentId,
                                                                bulkId,
                                                                personalDataConfirmed)))
                .<Object>map(
                        reply -> new Sent(comment.messageId(), comment.conversationId(), reply.id))
                .onFailure(ReplyRejected.class)
                .recoverWithItem(failure -> new Refused(comment.messageId(), failure.getMessage()));
    }

    private static BulkResult result(UUID bulkId, List<Object> outcomes, List<Refused> refused) {
        List<Sent> sent = new ArrayList<>();
        List<Refused> notSent = new ArrayList<>(refused);
        for (Object outcome : outcomes) {
            if (outcome instanceof Sent s) {
                sent.add(s);
            } else {
                notSent.add((Refused) outcome);
            }
        }
        return new BulkResult(bulkId, sent, notSent);
    }
}
