package org.socialsuite.outbound.network;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyTarget;
import org.socialsuite.outbound.network.FacebookGraphClient.CommentRequest;
import org.socialsuite.outbound.network.FacebookGraphClient.Recipient;
import org.socialsuite.outbound.network.FacebookGraphClient.SendRequest;
import org.socialsuite.outbound.network.FacebookGraphClient.Text;
import org.socialsuite.outbound.network.TwitterApiClient.DirectMessageRequest;
import org.socialsuite.outbound.network.TwitterApiClient.Reply;
import org.socialsuite.outbound.network.TwitterApiClient.TweetRequest;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * One reply, one call, per channel and mode, with the account's own credential. Returns the id the
 * network gave the new comment, message or tweet.
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

    public Uni<String> send(ReplyRequested reply, ConnectedAccount account, String accessToken) {
        String bearer = "Bearer " + accessToken;
        ReplyTarget target = reply.target();
        return switch (reply.channel()) {
            case FACEBOOK ->
                    switch (reply.mode()) {
                        case PUBLIC ->
                                facebook.comment(
                                                target.platformId(),
                                                bearer,
                                                new CommentRequest(reply.text()))
                                        .map(FacebookGraphClient.CommentResponse::id);
                        case PRIVATE ->
                                facebook.send(
                                                account.externalId(),
                                                bearer,
                                                new SendRequest(
                                                        new Recipient(target.consumerId(), null),
                                                        target.messageTag() == null
                                                                ? "RESPONSE"
                                                                : "MESSAGE_TAG",
                                                        target.messageTag(),
                                                        new Text(reply.text())))
                                        .map(FacebookGraphClient.SendResponse::messageId);
                        case PRIVATE_RESPONSE ->
                                facebook.send(
                                                account.externalId(),
                                                bearer,
                                                new SendRequest(
                                                        new Recipient(null, target.platformId()),
                                                        "RESPONSE",
                                                        null,
                                                        new Text(reply.text())))
                                        .map(FacebookGraphClient.SendResponse::messageId);
                    };
            case TWITTER ->
                    switch (reply.mode()) {
                        case PUBLIC ->
                                twitter.tweet(
                                                bearer,
                                                new TweetRequest(
                                                        mention(target) + reply.text(),
                                                        new Reply(target.platformId())))
                                        .map(response -> response.data().id());
                        case PRIVATE ->
                                twitter.directMessage(
                                                target.consumerId(),
                                                bearer,
                                                new DirectMessageRequest(reply.text()))
                                        .map(response -> response.data().eventId());
                        case PRIVATE_RESPONSE ->
                                Uni.createFrom()
                                        .failure(
                                                new NetworkError(
                                                        0,
                                                        "unsupported",
                                                        "Twitter/X has no private responses"));
                    };
        };
    }

    /** A reply tweet names the consumer it answers. */
    private static String mention(ReplyTarget target) {
        return target.consumerHandle() == null ? "" : "@" + target.consumerHandle() + " ";
    }
}
