package org.socialsuite.account.account;

/** What an administrator changes on a connected account; an absent field stays as it is. */
public record UpdateAccount(
        String displayName,
        String pageName,
        String handle,
        Boolean receivePublic,
        Boolean receivePrivate,
        String accessToken) {

    @Override
    public String toString() {
        return "UpdateAccount[" + displayName + "]";
    }
}
