package org.socialsuite.outbound.link;

import org.socialsuite.events.Channel;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * The link an agent puts into a public reply to invite the consumer into the brand's private
 * channel (DESIGN.md §2).
 */
public record PublicToPrivateLink(Channel channel, String url) {

    public static PublicToPrivateLink of(ConnectedAccount account) {
        return switch (account.channel()) {
            case FACEBOOK ->
                    new PublicToPrivateLink(
                            Channel.FACEBOOK,
                            "http://m.me/"
                                    + account.pageName()
                                            .orElseThrow(
                                                    () ->
                                                            new IllegalStateException(
                                                                    account.accountId()
                                                                            + " has no page"
                                                                            + " name")));
            case TWITTER ->
                    new PublicToPrivateLink(
                            Channel.TWITTER,
                            "https://twitter.com/messages/compose?recipient_id="
                                    + account.externalId());
        };
    }
}
