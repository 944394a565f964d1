package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.support.network.HmacSignature;

/** Facebook's webhooks as Meta sends them to a running ingest-service. */
final class FacebookWebhooks {

    private static final String APP_SECRET = "dev-facebook-app-secret";

    private FacebookWebhooks() {}

    static String messenger(String psid, String mid, String text) {
        return messenger("1000001", psid, mid, text);
    }

    /** A Messenger message to a page: AcmeCare is 1000001, GlobexHelp 3000001. */
    static String messenger(String pageId, String psid, String mid, String text) {
        return messenger(pageId, psid, mid, text, 1767225600123L);
    }

    /** Written at {@code sentAtMillis}: a message from now leaves the Messenger window open. */
    static String messenger(
            String pageId, String psid, String mid, String text, long sentAtMillis) {
        return """
        {"object":"page","entry":[{"id":"%s","time":%d,"messaging":[{\
        "sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":%d,\
        "message":{"mid":"%s","text":"%s"}}]}]}\
        """
                .formatted(pageId, sentAtMillis, psid, pageId, sentAtMillis, mid, text);
    }

    static ValidatableResponse post(ServiceProcess ingest, String body, String signature) {
        return post(ingest.baseUrl(), body, signature);
    }

    static ValidatableResponse post(String ingestUrl, String body, String signature) {
        var request =
                given().baseUri(ingestUrl)
                        .contentType(ContentType.JSON)
                        .body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post("/webhooks/facebook").then();
    }

    static ValidatableResponse postSigned(ServiceProcess ingest, String body) {
        return postSigned(ingest.baseUrl(), body);
    }

    /** Through whatever stands in front of ingest, such as the gateway. */
    static ValidatableResponse postSigned(String ingestUrl, String body) {
        return post(ingestUrl, body, sign(body));
    }

    /** The X-Hub-Signature-256 Meta would send, computed by ingest's own HMAC helper. */
    static String sign(String body) {
        return "sha256="
                + HexFormat.of()
                        .formatHex(
                                HmacSignature.hmac(
                                        "HmacSHA256",
                                        APP_SECRET,
                                        body.getBytes(StandardCharsets.UTF_8)));
    }
}
