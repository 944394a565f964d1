package org.socialsuite.profile.network;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.socialsuite.events.Channel;
import org.socialsuite.profile.network.TwitterApiClient.Reference;
import org.socialsuite.profile.network.TwitterApiClient.Tweet;
import org.socialsuite.profile.network.TwitterApiClient.User;
import org.socialsuite.profile.profile.WidgetFields;
import org.socialsuite.support.accounts.AccountRegistry;

/**
 * Profiles and posts from the networks, with the account's own credential, in our terms. Every
 * failure, a refused connection or a timeout included, becomes an {@link UpstreamFailure}.
 */
@ApplicationScoped
public class NetworkLookups {

    /** Graph API times: {@code 2026-01-01T10:00:00+0000}. */
    private static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final FacebookGraphClient facebook;
    private final TwitterApiClient twitter;
    private final AccountRegistry accounts;
    private final UpstreamGuard guard;

    public NetworkLookups(
            @RestClient FacebookGraphClient facebook,
            @RestClient TwitterApiClient twitter,
            AccountRegistry accounts,
            UpstreamGuard guard) {
        this.facebook = facebook;
        this.twitter = twitter;
        this.accounts = accounts;
        this.guard = guard;
    }

    public Uni<WidgetFields> profile(String accountId, Channel channel, String consumerId) {
        return call(
                accountId,
                bearer ->
                        channel == Channel.FACEBOOK
                                ? facebook.user(consumerId, FacebookGraphClient.USER_FIELDS, bearer)
                                        .map(NetworkLookups::facebookProfile)
                                : twitter.user(consumerId, TwitterApiClient.USER_FIELDS, bearer)
                                        .map(
                                                response ->
                                                        twitterProfile(
                                                                response.data(), consumerId)));
    }

    /**
     * @param rootPlatformId the thread's root post when known: on Facebook it tells a post (asked
     *     without {@code parent}, which posts do not have) from a comment
     */
    public Uni<FetchedPost> post(
            String accountId, Channel channel, String platformId, String rootPlatformId) {
        return call(
                accountId,
                bearer ->
                        channel == Channel.FACEBOOK
                                ? facebookItem(platformId, rootPlatformId, bearer)
                                : twitter.tweet(
                                                platformId,
                                                TwitterApiClient.TWEET_FIELDS,
                                                "author_id",
                                                bearer)
                                        .map(response -> tweet(response, platformId)));
    }

    private <T> Uni<T> call(String accountId, Function<String, Uni<T>> lookup) {
        String token =
                accounts.accessToken(accountId)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "No connected account " + accountId));
        return guard.call(accountId, () -> lookup.apply("Bearer " + token))
                .onFailure(failure -> !(failure instanceof UpstreamFailure))
                .transform(NetworkLookups::unavailable);
    }

    private static UpstreamFailure unavailable(Throwable failure) {
        boolean refused =
                Stream.iterate(failure, cause -> cause != null, Throwable::getCause)
                        .anyMatch(cause -> cause instanceof ConnectException);
        return new UpstreamFailure(
                UpstreamFailure.Kind.UNAVAILABLE,
                refused
                        ? "The network cannot be reached"
                        : "The network did not answer: " + failure,
                null);
    }

    private static WidgetFields facebookProfile(FacebookGraphClient.User user) {
        String name =
                Stream.of(user.firstName(), user.lastName())
                        .filter(part -> part != null && !part.isBlank())
                        .collect(Collectors.joining(" "));
        return new WidgetFields(
                name.isEmpty() ? null : name,
                null,
                user.profilePic(),
                null,
                user.locale(),
                user.timezone(),
                null,
                null,
                null,
                null);
    }

    private static WidgetFields twitterProfile(User user, String consumerId) {
        if (user == null) {
            throw notFound("Twitter/X user " + consumerId);
        }
        TwitterApiClient.Metrics metrics = user.publicMetrics();
        boolean counted = metrics != null;
        return new WidgetFields(
                user.name(),
                user.username(),
                user.profileImageUrl(),
                user.description(),
                null,
                null,
                counted ? metrics.tweetsOrPosts() : null,
                counted ? metrics.likes() : null,
                counted ? metrics.followers() : null,
                counted ? metrics.following() : null);
    }

    private Uni<FetchedPost> facebookItem(String id, String rootId, String bearer) {
        boolean post = id.equals(rootId);
        String fields = post ? FacebookGraphClient.POST_FIELDS : FacebookGraphClient.COMMENT_FIELDS;
        return facebook.item(id, fields, bearer)
                .map(
                        item ->
                                new FetchedPost(
                                        item.id(),
                                        post ? null : parentOrRoot(item, rootId),
                                        rootId,
                                        item.from() == null ? null : item.from().id(),
                                        item.from() == null ? null : item.from().name(),
                                        null,
                                        item.message(),
                                        item.createdTime() == null
                                                ? null
                                                : OffsetDateTime.parse(
                                                                item.createdTime(), GRAPH_TIME)
                                                        .toInstant(),
                                        item.permalinkUrl()));
    }

    /** A reply names its parent comment; a top-level comment answers the post. */
    private static String parentOrRoot(FacebookGraphClient.Item item, String rootId) {
        return item.parent() != null ? item.parent().id() : rootId;
    }

    private static FetchedPost tweet(TwitterApiClient.TweetResponse response, String id) {
        Tweet tweet = response.data();
        if (tweet == null) {
            throw notFound("Tweet " + id);
        }
        List<User> users =
                response.includes() == null || response.includes().users() == null
                        ? List.of()
                        : response.includes().users();
        User author =
                users.stream()
                        .filter(u -> u.id().equals(tweet.authorId()))
                        .findFirst()
                        .orElse(null);
        String repliedTo =
                tweet.referencedTweets() == null
                        ? null
                        : tweet.referencedTweets().stream()
                                .filter(reference -> "replied_to".equals(reference.type()))
                                .map(Reference::id)
                                .findFirst()
                                .orElse(null);
        String handle = author == null ? null : author.username();
        return new FetchedPost(
                tweet.id(),
                repliedTo,
                tweet.conversationId(),
                tweet.authorId(),
                author == null ? null : author.name(),
                handle,
                tweet.text(),
                tweet.createdAt() == null ? null : Instant.parse(tweet.createdAt()),
                Permalinks.tweet(handle, tweet.id()));
    }

    private static UpstreamFailure notFound(String what) {
        return new UpstreamFailure(UpstreamFailure.Kind.NOT_FOUND, what + " was not found", null);
    }
}
