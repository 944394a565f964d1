package org.socialsuite.account.account;

import java.time.Instant;

/**
 * How a credential is kept alive: the network's refresh token and when the credential expires. Both
 * null for a credential that does not expire (Facebook's page tokens from a long-lived user token).
 */
public record CredentialRenewal(String refreshToken, Instant expiresAt) {

    public static final CredentialRenewal NONE = new CredentialRenewal(null, null);

    @Override
    public String toString() {
        return "CredentialRenewal[expires " + expiresAt + "]";
    }
}
