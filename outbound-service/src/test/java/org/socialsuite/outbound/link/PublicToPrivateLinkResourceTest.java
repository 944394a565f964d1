package org.socialsuite.outbound.link;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class PublicToPrivateLinkResourceTest {

    @Test
    void facebookLinksToThePagesMessenger() {
        link("acme", "acme-facebook")
                .statusCode(200)
                .body("channel", equalTo("FACEBOOK"))
                .body("url", equalTo("http://m.me/AcmeCare"));
    }

    @Test
    void twitterLinksToADirectMessageWithTheBrandsNumericId() {
        link("acme", "acme-twitter")
                .statusCode(200)
                .body("channel", equalTo("TWITTER"))
                .body("url", equalTo("https://twitter.com/messages/compose?recipient_id=2000001"));
    }

    @Test
    void anotherBrandsOrAnUnknownAccountIsNotFound() {
        link("acme", "globex-facebook").statusCode(404).body("error", equalTo("not_found"));
        link("acme", "nobody").statusCode(404);
        given().get("/api/outbound/accounts/acme-facebook/public-to-private-link")
                .then()
                .statusCode(401);
    }

    @Test
    void readinessCoversKafkaTheDatabaseAndTheConsumerGroup() {
        // Ready once the input's consumer group is joined, which follows the start by a moment.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().get("/q/health/ready")
                                        .then()
                                        .statusCode(200)
                                        .body("status", equalTo("UP"))
                                        .body(
                                                "checks.name",
                                                hasItems(
                                                        "Kafka connection health check",
                                                        "Database connections health check",
                                                        "Reactive PostgreSQL connections health"
                                                                + " check",
                                                        "Kafka consumer groups joined")));
    }

    private static io.restassured.response.ValidatableResponse link(String brand, String account) {
        return given().header("Authorization", AgentTokens.bearer(brand))
                .get("/api/outbound/accounts/" + account + "/public-to-private-link")
                .then();
    }
}
