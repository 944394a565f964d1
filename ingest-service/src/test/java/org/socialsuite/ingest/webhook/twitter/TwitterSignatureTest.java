package org.socialsuite.ingest.webhook.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.socialsuite.ingest.webhook.WebhookRejected;

class TwitterSignatureTest {

    private static final byte[] EMPTY_BATCH =
            "{\"for_user_id\":\"2000001\",\"tweet_create_events\":[]}"
                    .getBytes(StandardCharsets.UTF_8);

    private final TwitterSignature signature =
            new TwitterSignature(() -> "dev-twitter-consumer-secret");

    @Test
    void theCrcResponseMatchesThePublishedCheckValue() {
        assertThat(signature.crcResponse("crc-token-123"))
                .isEqualTo("sha256=BGkrHJ/TT90aWBMYd7nlwZxQzCkBYfOXuuPeTEt0G5k=");
    }

    @Test
    void theBodySignatureMatchesThePublishedCheckValue() {
        assertThatCode(
                        () ->
                                signature.verify(
                                        EMPTY_BATCH,
                                        "sha256=TmTcUIjj9AuT1wI1GRlluyxylcbDuBwhblNLyLTo3d4="))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesMissingWrongAndMalformedSignatures() {
        assertRejected(null, "x-twitter-webhooks-signature is missing");
        assertRejected(
                "sha256=AmTcUIjj9AuT1wI1GRlluyxylcbDuBwhblNLyLTo3d4=",
                "x-twitter-webhooks-signature does not match the body");
        assertRejected("sha256=%%%", "x-twitter-webhooks-signature does not match the body");
        assertRejected(
                "TmTcUIjj9AuT1wI1GRlluyxylcbDuBwhblNLyLTo3d4=",
                "x-twitter-webhooks-signature must start with sha256=");
    }

    private void assertRejected(String header, String message) {
        assertThatThrownBy(() -> signature.verify(EMPTY_BATCH, header))
                .isInstanceOf(WebhookRejected.class)
                .hasMessage(message);
    }
}
