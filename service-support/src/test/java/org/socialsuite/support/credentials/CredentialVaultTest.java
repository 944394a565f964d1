package org.socialsuite.support.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

    private static final String TOKEN = "EAAG-page-token-of-acme";
    private static final String OLD = key(1);
    private static final String NEW = key(2);

    private final CredentialVault vault = CredentialVault.of(Map.of("k1", OLD), "k1");

    @Test
    void aSealedCredentialOpensForItsAccountAndShowsNothingOfTheSecret() {
        SealedCredential sealed = vault.seal(TOKEN, "acme-facebook");
        String stored = sealed.toString();

        assertThat(stored).startsWith("v1.k1.").doesNotContain(TOKEN);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
                .doesNotContain(TOKEN);
        assertThat(vault.open(SealedCredential.parse(stored), "acme-facebook")).isEqualTo(TOKEN);
        // A fresh data key and nonce each time: the same token never seals alike.
        assertThat(vault.seal(TOKEN, "acme-facebook")).isNotEqualTo(sealed);
    }

    @Test
    void aCredentialCopiedOntoAnotherAccountOrTamperedWithDoesNotOpen() {
        SealedCredential sealed = vault.seal(TOKEN, "acme-facebook");

        assertThatThrownBy(() -> vault.open(sealed, "globex-facebook"))
                .isInstanceOf(CredentialUnreadable.class)
                .hasMessageNotContaining(TOKEN);
        byte[] flipped = sealed.ciphertext();
        flipped[flipped.length - 1] ^= 1;
        assertThatThrownBy(
                        () ->
                                vault.open(
                                        new SealedCredential("k1", sealed.wrappedKey(), flipped),
                                        "acme-facebook"))
                .isInstanceOf(CredentialUnreadable.class);
        assertThatThrownBy(() -> SealedCredential.parse("v1.k1.not base64.x"))
                .isInstanceOf(CredentialUnreadable.class);
        assertThatThrownBy(() -> SealedCredential.parse(TOKEN))
                .isInstanceOf(CredentialUnreadable.class);
    }

    @Test
    void rotationRewrapsWithTheNewKeyAndRetiresTheOldOneWithoutTouchingTheSecret() {
        SealedCredential underOld = vault.seal(TOKEN, "acme-facebook");
        CredentialVault both = CredentialVault.of(Map.of("k1", OLD, "k2", NEW), "k2");

        // Until rewrapped, what was sealed before still opens.
        assertThat(both.open(underOld, "acme-facebook")).isEqualTo(TOKEN);
        SealedCredential underNew = both.rewrap(underOld);
        assertThat(underNew.keyId()).isEqualTo("k2");
        assertThat(underNew.ciphertext()).isEqualTo(underOld.ciphertext());

        CredentialVault retired = CredentialVault.of(Map.of("k2", NEW), "k2");
        assertThat(retired.open(underNew, "acme-facebook")).isEqualTo(TOKEN);
        assertThatThrownBy(() -> retired.open(underOld, "acme-facebook"))
                .isInstanceOf(CredentialUnreadable.class)
                .hasMessageContaining("k1");
    }

    @Test
    void keysThatAreNotAes256OrACurrentKeyThatIsNotHeldAreRefused() {
        assertThatThrownBy(
                        () ->
                                CredentialVault.of(
                                        Map.of(
                                                "short",
                                                Base64.getEncoder().encodeToString(new byte[16])),
                                        "short"))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> CredentialVault.of(Map.of("k1", OLD), "k2"))
                .hasMessageContaining("k2");
        assertThatThrownBy(() -> CredentialVault.of(Map.of("k.1", OLD), "k.1"))
                .hasMessageContaining("[A-Za-z0-9_-]");
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
