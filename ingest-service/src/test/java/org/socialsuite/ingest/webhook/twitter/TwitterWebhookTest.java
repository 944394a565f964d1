package org.socialsuite.ingest.webhook.twitter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.testsupport.KafkaResource;

/** Twitter/X deliveries that cannot be read get the same clear answers as Facebook's. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class TwitterWebhookTest {

    private static final String SIGNATURE = "x-twitter-webhooks-signature";

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        byte[] malformed = "{\"for_user_id\":\"2000001\",".getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON)
                .header(SIGNATURE, Payloads.twitterSignature(malformed))
                .body(malformed)
                .post("/webhooks/twitter")
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed_payload"));
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() {
        byte[] body = Payloads.read("twitter/mention.json");
        given().contentType(ContentType.TEXT)
                .header(SIGNATURE, Payloads.twitterSignature(body))
                .body(body)
                .post("/webhooks/twitter")
                .then()
                .statusCode(415);
    }

    @Test
    void anOversizedBodyIs413BeforeItIsRead() throws Exception {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        assertThat(
                        Payloads.postExpectingContinue(
                                "/webhooks/twitter",
                                SIGNATURE,
                                Payloads.twitterSignature(huge),
                                huge))
                .isEqualTo(413);
    }
}
