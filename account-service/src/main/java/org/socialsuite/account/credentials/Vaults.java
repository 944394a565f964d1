package org.socialsuite.account.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.socialsuite.support.credentials.CredentialVault;

/** The vault of this service's configured key-encryption keys. */
@ApplicationScoped
public class Vaults {

    @Produces
    @Singleton
    CredentialVault vault(CredentialKeys keys) {
        return CredentialVault.of(keys.keys(), keys.currentKey());
    }
}
