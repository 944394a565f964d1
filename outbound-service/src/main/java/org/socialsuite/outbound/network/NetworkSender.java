package org.socialsuite.outbound.network;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.outbound.network.FacebookGraphClient.CommentRequest;
import org.socialsuite.outbound.network.FacebookGraphClient.Hidden;
import org.socialsuite.outbound.network.FacebookGraphClient.Recipient;
import org.socialsuite.outbound.network.FacebookGraphClient.SendRequest;
import org.socialsuite.outbound.network.FacebookGraphClient.Text;
import org.socialsuite.outbound.network.NetworkError.Disposition;
import org.socialsuite.outbound.network.TwitterApiClient.DirectMessageRequest;
import org.socialsuite.outbound.network.TwitterApiClient.LikeRequest;
import org.socialsuite.outbound.network.TwitterApiClient.Reply;
import org.socialsuite.outbound.network.TwitterApiClient.TweetRequest;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.support.rules.ReplyLength;

/**
 * One command, one call, per channel and mode (or moderation action), with the account's own
 * credential, after the rules allow it. Returns the id the network gave the new comment, message or
 * tweet, or for moderation the id of the item acted on; fails with a classified {@link
 * NetworkError}.
 */
@ApplicationScoped
public class NetworkSender {

    private final FacebookGraphClient facebook;
    private final TwitterApiClient twitter;

    public NetworkSender(
            @RestClient FacebookGraphClient facebook, @RestClient TwitterApiClient twitter) {
        this.facebook = facebook;
        this.twitter = twitter;
    }

    /** Why the network would refuse this reply now, before calling it. */
    public Optional<NetworkError> refusal(ReplyRequested reply, Instant now) {
        return SendRules.check(reply, now);
    }

    public Uni<String> send(
            ReplyRequested reply, ConnectedAccount account, String accessToken, Instant now) {
        return call(reply, account, "Bearer " + accessToken, now)
                .onItem()
                .ifNull()
                .failWith(
                        () ->
                                new NetworkError(
                                        "no_id",
                                        "The network accepted the reply without returning its"
                                                + " id",
                                        Disposition.OUTCOME_UNKNOWN,
                                        null))
                .onFailure(failure -> !(failure instanceof NetworkError))
                .transform(NetworkSender::transportFailure);
    }

    /** Refused connections sent nothing; anything later (a timeout, a cut) may have posted. */
    private static NetworkError transportFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return new NetworkError(
                        "unreachable",
                        "The network could not be reached: " + cause.getMessage(),
                        Disposition.RETRY,
                        null);
            }
        }
        return new NetworkError(
                "no_answer",
                "The network did not answer (" + failure + "); the reply may have been posted",
                Disposition.OUTCOME_UNKNOWN,
                null);
    }

    private Uni<String> call(
            ReplyRequested reply, ConnectedAccount account, String bearer, Instant now) {
        if (!reply.isReply()) {
            return moderate(reply, account, bearer);
        }
        ReplyTarget target = reply.target();
        String text =
                ReplyLength.asSent(
                        reply.channel(), reply.mode(), reply.text(), target.consumerHandle());
        return switch (reply.channel()) {
            case FACEBOOK ->
                    switch (reply.mode()) {
                        case PUBLIC ->
                                facebook.comment(
                                                target.platformId(),
                                                bearer,
                                                new CommentRequest(text))
                                        .map(FacebookGraphClient.CommentResponse::id);
                        case PRIVATE -> {
                            String tag = SendRules.messageTag(target, now);
                            yield messenger(
                                    account,
                                    bearer,
                                    new SendRequest(
                                            new Recipient(target.consumerId(), null),
                                            tag == null ? "RESPONSE" : "MESSAGE_TAG",
                                            tag,
                                            new Text(text)));
                        }
                        case PRIVATE_RESPONSE ->
                                messenger(
                                        account,
                                        bearer,
                                        new SendRequest(
                                                new Recipient(null, target.platformId()),
                                                "RESPONSE",
                                                null,
                                                new Text(text)));
                    };
            case TWITTER ->
                    switch (reply.mode()) {
                        case PUBLIC ->
                                twitter.tweet(
                                                bearer,
                                                new TweetRequest(
                                                        text, new Reply(target.platformId())))
                                        .map(
                                                response ->
                                                        response.data() == null
                                                                ? null
                                                                : response.data().id());
                        case PRIVATE ->
                                twitter.directMessage(
                                                target.consumerId(),
                                                bearer,
                                                new DirectMessageRequest(text))
                                        .map(
                                                response ->
                                                        response.data() == null
                                                                ? null
                                                                : response.data().eventId());
                        case PRIVATE_RESPONSE ->
                                throw new IllegalStateException("refused by SendRules");
                    };
        };
    }

    /** Done when the network says so; the item's own id stands for the result. */
    private Uni<String> moderate(ReplyRequested command, ConnectedAccount account, String bearer) {
        String item = command.target().platformId();
        Uni<Boolean> done =
                switch (command.channel()) {
                    case FACEBOOK ->
                            (switch (command.action()) {
                                        case HIDE ->
                                                facebook.setHidden(item, bearer, new Hidden(true));
                                        case UNHIDE ->
                                                facebook.setHidden(item, bearer, new Hidden(false));
                                        case DELETE -> facebook.delete(item, bearer);
                                        case LIKE -> facebook.like(item, bearer);
                                        case REPLY -> throw new IllegalStateException("a reply");
                                    })
                                    .map(FacebookGraphClient.Success::success);
                    case TWITTER ->
                            twitter.like(account.externalId(), bearer, new LikeRequest(item))
                                    .map(
                                            response ->
                                                    response.data() != null
                                                            && response.data().liked());
                };
        return done.map(
                success -> {
                    if (!success) {
                        throw new NetworkError(
                                "not_done",
                                "The network answered without doing it",
                                Disposition.FAIL,
                                null);
                    }
                    return item;
                });
    }

    private Uni<String> messenger(ConnectedAccount account, String bearer, SendRequest request) {
        return facebook.send(account.externalId(), bearer, request)
                .map(FacebookGraphClient.SendResponse::messageId);
    }
}
