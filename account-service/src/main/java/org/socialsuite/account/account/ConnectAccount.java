package org.socialsuite.account.account;

import org.socialsuite.events.Channel;

/**
 * An administrator connects a page or X account. The public and private switches default to on.
 *
 * @param accessToken the page access token (Facebook) or the account's access token (X): sealed at
 *     once, never stored, logged or returned as it is
 */
public record ConnectAccount(
        Channel channel,
        String externalId,
        String displayName,
        String pageName,
        String handle,
        Boolean receivePublic,
        Boolean receivePrivate,
        String accessToken) {

    @Override
    public String toString() {
        return "ConnectAccount[" + channel + " " + externalId + "]";
    }
}
