package org.socialsuite.support.accounts;

import java.util.Optional;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;

/**
 * One connected social account of a brand (DESIGN.md §2), without its credential.
 *
 * @param receivePublic whether the brand takes in public items (posts, comments, mentions)
 * @param receivePrivate whether the brand takes in private messages (Messenger, Direct Messages)
 */
public record ConnectedAccount(
        String accountId,
        String brandId,
        Channel channel,
        String externalId,
        String displayName,
        Optional<String> pageName,
        Optional<String> handle,
        boolean receivePublic,
        boolean receivePrivate) {

    public static ConnectedAccount of(AccountChanged changed) {
        return new ConnectedAccount(
                changed.accountId(),
                changed.brandId(),
                changed.channel(),
                changed.externalId(),
                changed.displayName(),
                Optional.ofNullable(changed.pageName()),
                Optional.ofNullable(changed.handle()),
                changed.receivePublic(),
                changed.receivePrivate());
    }

    /** One key for an account on any network: ids are unique per network only. */
    public static String externalKey(Channel channel, String externalId) {
        return channel + ":" + externalId;
    }
}
