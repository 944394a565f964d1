package org.socialsuite.account.credentials;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * The key-encryption keys of the networks' credentials, {@code suite.credentials.keys.<id>} (base64
 * of 32 bytes, from a Secret), and the one new credentials are sealed with. Without them the
 * service does not start: it would have nothing to seal with.
 */
@ConfigMapping(prefix = "suite.credentials")
public interface CredentialKeys {

    Map<String, String> keys();

    String currentKey();
}
