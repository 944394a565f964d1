package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.AgentTokens;

/** An agent of AcmeCare at conversation-service's REST API, as the workspace calls it. */
final class AgentApi {

    private final String baseUrl;

    AgentApi(ServiceProcess conversations) {
        this(conversations.baseUrl());
    }

    /** Through whatever stands in front of conversation-service, such as the gateway. */
    AgentApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The consumer's open conversation, once it exists. */
    String awaitConversationOf(String consumerId) {
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                get("/api/conversations?status=OPEN")
                                        .getList("items.consumer.id")
                                        .contains(consumerId));
        return get("/api/conversations?status=OPEN")
                .getString("items.find { it.consumer.id == '" + consumerId + "' }.id");
    }

    JsonPath conversation(String id) {
        return get("/api/conversations/" + id);
    }

    /** The whole transcript, oldest first, read a page at a time. */
    List<Map<String, Object>> transcript(String conversationId) {
        List<Map<String, Object>> messages = new ArrayList<>();
        String before = null;
        do {
            JsonPath page =
                    get(
                            "/api/conversations/"
                                    + conversationId
                                    + "/messages?limit=200"
                                    + (before == null ? "" : "&before=" + before));
            messages.addAll(0, page.getList("items"));
            before = page.getString("olderCursor");
        } while (before != null);
        return messages;
    }

    String deliveryStatus(String conversationId, String messageId) {
        return get("/api/conversations/" + conversationId + "/messages/" + messageId)
                .getString("deliveryStatus");
    }

    /** Sends a reply in the mode the conversation offers by default; returns its message id. */
    String reply(String conversationId, String text) {
        return reply(
                conversationId, text, conversation(conversationId).getString("defaultReplyMode"));
    }

    String reply(String conversationId, String text, String mode) {
        return given().baseUri(baseUrl)
                .header("Authorization", AgentTokens.bearer("acme"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("text", text, "mode", mode))
                .post("/api/conversations/" + conversationId + "/replies")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    JsonPath get(String path) {
        return given().baseUri(baseUrl)
                .header("Authorization", AgentTokens.bearer("acme"))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
