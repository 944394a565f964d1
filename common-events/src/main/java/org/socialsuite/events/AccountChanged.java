package org.socialsuite.events;

import java.time.Instant;

/**
 * A connected account as it is now, on the compacted {@link Topics#ACCOUNT}, keyed by {@code
 * accountId}: every service keeps its own view of the accounts from it. A disconnected account's
 * key gets a tombstone (no value), so compaction forgets it.
 *
 * @param externalId the page id (Facebook) or numeric user id (Twitter/X) on the network
 * @param pageName the Facebook page's name, for m.me links; null on Twitter/X
 * @param handle the Twitter/X @handle without the @; null on Facebook
 * @param receivePublic whether public items (posts, comments, mentions, replies) are taken in
 * @param receivePrivate whether private messages (Messenger, Direct Messages) are taken in
 * @param sealedCredential the sending credential as a {@code SealedCredential} text: only a service
 *     holding the key-encryption key opens it, and never the topic
 */
public record AccountChanged(
        String accountId,
        String brandId,
        Channel channel,
        String externalId,
        String displayName,
        String pageName,
        String handle,
        boolean receivePublic,
        boolean receivePrivate,
        String sealedCredential,
        Instant changedAt) {

    public AccountChanged {
        Require.text(accountId, "accountId");
        Require.text(brandId, "brandId");
        Require.present(channel, "channel");
        Require.text(externalId, "externalId");
        Require.text(displayName, "displayName");
        Require.text(sealedCredential, "sealedCredential");
        Require.present(changedAt, "changedAt");
    }
}
