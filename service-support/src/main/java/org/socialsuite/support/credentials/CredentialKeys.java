package org.socialsuite.support.credentials;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * The key-encryption keys of the networks' credentials, {@code suite.credentials.keys.<id>} (base64
 * of 32 bytes, from a Secret), and the one new credentials are sealed with. account-service seals
 * and needs a current key; the services that send (outbound, profile) only open, with every key a
 * credential may still be sealed under.
 */
@ConfigMapping(prefix = "suite.credentials")
public interface CredentialKeys {

    Map<String, String> keys();

    Optional<String> currentKey();
}
