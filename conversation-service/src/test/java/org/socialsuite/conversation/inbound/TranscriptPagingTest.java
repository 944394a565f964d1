package org.socialsuite.conversation.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.MessageKind;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;

/** The transcript a page at a time, newest page first, each page as it reads. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class TranscriptPagingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
    private final String consumer = "psid-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pagesWalkBackToTheFirstMessageWithoutGapsOrRepeatsEvenWhereTimesTie() {
        // Seven messages, three of them in the same instant: arrival order breaks the tie.
        List<Instant> times =
                List.of(
                        T0,
                        T0.plusSeconds(1),
                        T0.plusSeconds(2),
                        T0.plusSeconds(2),
                        T0.plusSeconds(2),
                        T0.plusSeconds(3),
                        T0.plusSeconds(4));
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < times.size(); n++) {
            texts.add("message " + n);
            // In order, one by one: the arrival order of the tied three is then known.
            InboundEvents.publish(message("m_" + n, texts.get(n), times.get(n)));
        }
        String id = awaitConversation(times.size());

        JsonPath newest = page(id, "?limit=3");
        assertThat(newest.getList("items.text"))
                .containsExactly("message 4", "message 5", "message 6");
        List<String> read = new ArrayList<>(newest.getList("items.text"));
        String before = newest.getString("olderCursor");
        int pages = 1;
        while (before != null) {
            JsonPath older = page(id, "?limit=3&before=" + before);
            read.addAll(0, older.getList("items.text"));
            before = older.getString("olderCursor");
            pages++;
        }
        assertThat(read).containsExactlyElementsOf(texts);
        assertThat(pages).isEqualTo(3);

        // Without a limit, a page of 50 holds the whole short conversation and nothing is older.
        agent().get("/api/conversations/" + id + "/messages")
                .then()
                .body("items", hasSize(7))
                .body("olderCursor", nullValue());
    }

    @Test
    void oneMessageIsReadByItsIdAndOnlyByItsOwnBrand() {
        InboundEvents.publish(message("m_one", "just this", T0));
        String id = awaitConversation(1);
        String messageId = page(id, "").getString("items[0].id");

        agent().get("/api/conversations/" + id + "/messages/" + messageId)
                .then()
                .statusCode(200)
                .body("id", equalTo(messageId))
                .body("text", equalTo("just this"))
                .body("visibility", equalTo("PRIVATE"));
        agent().get("/api/conversations/" + id + "/messages/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().header("Authorization", AgentTokens.bearer("another-" + brand))
                .get("/api/conversations/" + id + "/messages/" + messageId)
                .then()
                .statusCode(404);
        given().header("Authorization", AgentTokens.bearer("another-" + brand))
                .get("/api/conversations/" + id + "/messages")
                .then()
                .statusCode(404);
    }

    @Test
    void aCursorThisServiceDidNotIssueAndALimitOutOfRangeAreRefused() {
        InboundEvents.publish(message("m_bad", "hello", T0));
        String id = awaitConversation(1);

        agent().get("/api/conversations/" + id + "/messages?before=not-a-cursor")
                .then()
                .statusCode(400);
        agent().get("/api/conversations/" + id + "/messages?limit=0").then().statusCode(400);
        agent().get("/api/conversations/" + id + "/messages?limit=201").then().statusCode(400);
    }

    private org.socialsuite.events.SocialEventReceived message(
            String mid, String text, Instant at) {
        return InboundEvents.consumerMessage(
                brand, consumer, MessageKind.PRIVATE_MESSAGE, mid + brand, text, at);
    }

    private String awaitConversation(int messages) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> agent().get("/api/conversations").then().body("items", hasSize(1)));
        String id = agent().get("/api/conversations").then().extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id + "/messages")
                                        .then()
                                        .body("items", hasSize(messages)));
        return id;
    }

    private JsonPath page(String id, String query) {
        return agent().get("/api/conversations/" + id + "/messages" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private RequestSpecification agent() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }
}
