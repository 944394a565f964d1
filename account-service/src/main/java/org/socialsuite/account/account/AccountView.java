package org.socialsuite.account.account;

import java.time.Instant;
import org.socialsuite.events.Channel;
import org.socialsuite.support.credentials.SealedCredential;

/**
 * A connected account as the API shows it: everything but its credential, of which only the key it
 * is sealed under shows (what a key rotation still has to rewrap).
 */
public record AccountView(
        String id,
        Channel channel,
        String externalId,
        String displayName,
        String pageName,
        String handle,
        boolean receivePublic,
        boolean receivePrivate,
        String credentialKey,
        Instant connectedAt,
        Instant updatedAt) {

    static AccountView of(Account account) {
        return new AccountView(
                account.id,
                account.channel,
                account.externalId,
                account.displayName,
                account.pageName,
                account.handle,
                account.receivePublic,
                account.receivePrivate,
                SealedCredential.parse(account.credential).keyId(),
                account.connectedAt,
                account.updatedAt);
    }
}
