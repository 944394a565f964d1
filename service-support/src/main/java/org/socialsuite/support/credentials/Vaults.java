package org.socialsuite.support.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The vault of this service's configured key-encryption keys. */
@ApplicationScoped
public class Vaults {

    @Produces
    @Singleton
    CredentialVault vault(CredentialKeys keys) {
        return CredentialVault.of(keys.keys(), keys.currentKey().orElse(null));
    }
}
