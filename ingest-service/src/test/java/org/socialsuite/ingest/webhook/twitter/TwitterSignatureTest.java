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
    void theCrcCheckSignsOnlyCrcTokensNeverABody() {
        String body = new String(EMPTY_BATCH, StandardCharsets.UTF_8);
        for (String notAToken :
                new String[] {body, "", " abc", "abc\n", "a".repeat(257), "a{b", "a\"b", "ä"}) {
            assertThatThrownBy(() -> signature.crcResponse(notAToken))
                    .isInstanceOf(WebhookRejected.class)
                    .hasMessage("crc_token must be a base64 string of at most 256 characters");
        }
        assertThat(signature.crcResponse("a".repeat(256))).startsWith("sha256=");
        assertThat(signature.crcResponse("AZaz09+/_-=")).startsWith("sha256=");
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
