package org.socialsuite.support.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of the networks' credentials (page tokens, OAuth tokens): each credential is
 * encrypted with AES-256-GCM under a fresh data key, bound to what it belongs to (an account id, as
 * associated data, so a sealed token copied onto another account does not open), and the data key
 * is wrapped by the current key-encryption key. The key-encryption keys come from the environment
 * (a Kubernetes Secret); several may be held at once, so a new one is introduced, made current and
 * the old one retired after every credential was {@link #rewrap rewrapped}, without downtime.
 */
public final class CredentialVault {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    private CredentialVault(Map<String, SecretKey> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /**
     * @param keys key id to a base64 (standard or url-safe) 256-bit key
     * @param currentKeyId the key new credentials are sealed with; null where credentials are only
     *     opened
     */
    public static CredentialVault of(Map<String, String> keys, String currentKeyId) {
        Map<String, SecretKey> decoded = new TreeMap<>();
        keys.forEach(
                (id, base64) -> {
                    if (!SealedCredential.KEY_ID.matcher(id).matches()) {
                        throw new IllegalArgumentException(
                                "Key-encryption key id " + id + ": 1 to 64 of [A-Za-z0-9_-]");
                    }
                    byte[] key = decode(id, base64);
                    if (key.length != KEY_BYTES) {
                        throw new IllegalArgumentException(
                                "Key-encryption key " + id + " is not 256 bits");
                    }
                    decoded.put(id, new SecretKeySpec(key, "AES"));
                });
        if (currentKeyId != null && !decoded.containsKey(currentKeyId)) {
            throw new IllegalArgumentException(
                    "The current key-encryption key "
                            + currentKeyId
                            + " is not among "
                            + decoded.keySet());
        }
        return new CredentialVault(Map.copyOf(decoded), currentKeyId);
    }

    public String currentKeyId() {
        if (currentKeyId == null) {
            throw new IllegalStateException(
                    "No current key-encryption key (suite.credentials.current-key): this vault only"
                            + " opens credentials");
        }
        return currentKeyId;
    }

    /** The secret encrypted for {@code boundTo} (the account it belongs to). */
    public SealedCredential seal(String secret, String boundTo) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, random);
            SecretKey dataKey = generator.generateKey();
            byte[] ciphertext =
                    encrypt(dataKey, secret.getBytes(StandardCharsets.UTF_8), binding(boundTo));
            return new SealedCredential(
                    currentKeyId(), wrap(currentKeyId(), dataKey.getEncoded()), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret, if the credential was sealed for {@code boundTo} and is intact. */
    public String open(SealedCredential sealed, String boundTo) {
        byte[] dataKey = unwrap(sealed);
        try {
            return new String(
                    decrypt(
                            new SecretKeySpec(dataKey, "AES"),
                            sealed.ciphertext(),
                            binding(boundTo)),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CredentialUnreadable("The credential does not open for this account");
        } catch (GeneralSecurityException e) {
            throw new CredentialUnreadable("The credential cannot be opened");
        }
    }

    /**
     * The same credential with its data key wrapped by the current key-encryption key: the secret
     * itself is neither decrypted nor re-encrypted.
     */
    public SealedCredential rewrap(SealedCredential sealed) {
        if (sealed.keyId().equals(currentKeyId())) {
            return sealed;
        }
        return new SealedCredential(
                currentKeyId(), wrap(currentKeyId(), unwrap(sealed)), sealed.ciphertext());
    }

    private byte[] wrap(String keyId, byte[] dataKey) {
        try {
            return encrypt(keys.get(keyId), dataKey, binding("data-key:" + keyId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private byte[] unwrap(SealedCredential sealed) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new CredentialUnreadable(
                    "Sealed under key-encryption key "
                            + sealed.keyId()
                            + ", which is not held here");
        }
        try {
            return decrypt(key, sealed.wrappedKey(), binding("data-key:" + sealed.keyId()));
        } catch (GeneralSecurityException e) {
            throw new CredentialUnreadable("The credential's data key does not open");
        }
    }

    /** nonce || ciphertext and tag */
    private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associated)
            throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associated);
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    private static byte[] decrypt(SecretKey key, byte[] message, byte[] associated)
            throws GeneralSecurityException {
        if (message.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new AEADBadTagException("Too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, NONCE_BYTES));
        cipher.updateAAD(associated);
        return cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES);
    }

    private static byte[] binding(String boundTo) {
        return ("social-suite:" + boundTo).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String id, String base64) {
        String text = base64 == null ? "" : base64.trim();
        try {
            return text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key-encryption key " + id + " is not base64");
        }
    }
}
