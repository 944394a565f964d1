package org.socialsuite.ingest.webhook.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.ingest.webhook.WebhookRejected;
import org.socialsuite.support.network.HmacSignature;

class FacebookSignatureTest {

    private static final byte[] EMPTY_BATCH =
            "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    /** The check value of PLATFORMS.md. */
    private static final String EMPTY_BATCH_SIGNATURE =
            "sha256=c553070f28140a6095fbdd459291cc4a77648777562641e3fb864c5abd791c27";

    private final FacebookSignature signature = new FacebookSignature(config(false));

    @Test
    void acceptsThePublishedCheckValue() {
        assertThat(Payloads.facebookSignature(EMPTY_BATCH)).isEqualTo(EMPTY_BATCH_SIGNATURE);
        assertThatCode(() -> signature.verify(EMPTY_BATCH, EMPTY_BATCH_SIGNATURE, null))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsUpperCaseHex() {
        String upper = "sha256=" + EMPTY_BATCH_SIGNATURE.substring(7).toUpperCase();

        assertThatCode(() -> signature.verify(EMPTY_BATCH, upper, null)).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingWrongOrMalformedSignature() {
        assertRejected(
                () -> signature.verify(EMPTY_BATCH, null, null), "X-Hub-Signature-256 is missing");
        assertRejected(
                () -> signature.verify(EMPTY_BATCH, EMPTY_BATCH_SIGNATURE.replace('c', 'd'), null),
                "X-Hub-Signature-256 does not match the body");
        assertRejected(
                () -> signature.verify(EMPTY_BATCH, "sha256=not-hex", null),
                "X-Hub-Signature-256 does not match the body");
        assertRejected(
                () -> signature.verify(EMPTY_BATCH, EMPTY_BATCH_SIGNATURE.substring(7), null),
                "X-Hub-Signature-256 must start with sha256=");
    }

    @Test
    void theSignatureCoversTheRawBytesNotTheirMeaning() {
        byte[] reformatted =
                "{\"object\": \"page\", \"entry\": []}".getBytes(StandardCharsets.UTF_8);

        assertRejected(
                () -> signature.verify(reformatted, EMPTY_BATCH_SIGNATURE, null),
                "X-Hub-Signature-256 does not match the body");
    }

    @Test
    void theLegacySha1HeaderCountsOnlyWhenConfigured() {
        String sha1 =
                "sha1="
                        + HexFormat.of()
                                .formatHex(
                                        HmacSignature.hmac(
                                                "HmacSHA1",
                                                Payloads.FACEBOOK_APP_SECRET,
                                                EMPTY_BATCH));

        assertRejected(
                () -> signature.verify(EMPTY_BATCH, null, sha1), "X-Hub-Signature-256 is missing");
        assertThatCode(() -> new FacebookSignature(config(true)).verify(EMPTY_BATCH, null, sha1))
                .doesNotThrowAnyException();
    }

    private static void assertRejected(Runnable check, String message) {
        assertThatThrownBy(check::run)
                .isInstanceOf(WebhookRejected.class)
                .hasMessage(message)
                .extracting(e -> ((WebhookRejected) e).status())
                .isEqualTo(401);
    }

    private static FacebookWebhookConfig config(boolean acceptSha1) {
        return new FacebookWebhookConfig() {
            @Override
            public String appSecret() {
                return Payloads.FACEBOOK_APP_SECRET;
            }

            @Override
            public String verifyToken() {
                return "dev-verify-token";
            }

            @Override
            public boolean acceptSha1Signature() {
                return acceptSha1;
            }
        };
    }
}
