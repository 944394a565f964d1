package org.socialsuite.support.credentials;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A credential as it is stored and as it travels: encrypted under a data key of its own, that key
 * wrapped by a key-encryption key named {@code keyId}. Its text form, {@code v1.<keyId>.<wrapped
 * key>.<ciphertext>} (base64url), is what a column or an event holds; it reveals nothing but which
 * key-encryption key opens it.
 */
public record SealedCredential(String keyId, byte[] wrappedKey, byte[] ciphertext) {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SealedCredential {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("A key id is 1 to 64 of [A-Za-z0-9_-]");
        }
        wrappedKey = wrappedKey.clone();
        ciphertext = ciphertext.clone();
    }

    public static SealedCredential parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw new CredentialUnreadable("Not a sealed credential");
        }
        try {
            return new SealedCredential(parts[1], decode(parts[2]), decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new CredentialUnreadable("Not a sealed credential");
        }
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "v1." + keyId + "." + encode(wrappedKey) + "." + encode(ciphertext);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedCredential that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decode(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
