package org.socialsuite.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.socialsuite.testsupport.AgentTokens;

/** The REST API as an agent of one brand uses it. */
public final class AgentApi {

    private final String brand;

    public AgentApi(String brand) {
        this.brand = brand;
    }

    public RequestSpecification request() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }

    /** The brand's only conversation, once it holds that many messages. */
    public String awaitConversation(int messages) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> request().get("/api/conversations").then().body("items", hasSize(1)));
        String id = request().get("/api/conversations").then().extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> transcript(id).body("items", hasSize(messages)));
        return id;
    }

    public ValidatableResponse transcript(String conversationId) {
        return request().get("/api/conversations/" + conversationId + "/messages").then();
    }

    /** A reply; a null mode takes the default, a null key sends none. */
    public ValidatableResponse reply(
            String conversationId, String text, String mode, String idempotencyKey) {
        RequestSpecification request = request().contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        if (mode != null) {
            body.put("mode", mode);
        }
        return request.body(body).post("/api/conversations/" + conversationId + "/replies").then();
    }
}
