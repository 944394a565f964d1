package org.socialsuite.support.credentials;

/**
 * A sealed credential that cannot be opened: malformed, tampered with, bound to another account, or
 * sealed under a key this service does not hold. The message never carries any of its content.
 */
public class CredentialUnreadable extends RuntimeException {

    public CredentialUnreadable(String message) {
        super(message);
    }
}
