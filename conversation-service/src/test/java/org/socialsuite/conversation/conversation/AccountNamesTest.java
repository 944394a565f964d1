package org.socialsuite.conversation.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.InboundEvents;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageKind;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestAccounts;

/**
 * A conversation names the account it came through as its administrator named it, from this
 * service's view of social.account.v1: a rename shows at once, a disconnected account shows none.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "conversation_test"))
class AccountNamesTest {

    private final String brand = "named-" + UUID.randomUUID().toString().substring(0, 8);
    private final String account = brand + "-facebook";

    @Test
    void theListAndTheConversationShowTheAccountsNameAsItIsNow() {
        announce("Outlet Care");
        InboundEvents.publish(
                InboundEvents.consumerMessage(
                        brand,
                        "psid-" + brand,
                        MessageKind.PRIVATE_MESSAGE,
                        "m_" + brand,
                        "Do you ship abroad?",
                        Instant.parse("2026-01-01T10:00:00Z")));

        String id = awaitName("Outlet Care");
        agent().get("/api/conversations/" + id)
                .then()
                .body("accountId", equalTo(account))
                .body("accountName", equalTo("Outlet Care"));

        announce("Outlet Help Desk");
        awaitName("Outlet Help Desk");

        TestAccounts.disconnect(account);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                agent().get("/api/conversations/" + id)
                                        .then()
                                        .body("accountName", nullValue()));
    }

    private String awaitName(String name) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                agent().get("/api/conversations?status=OPEN")
                                        .then()
                                        .body("items[0].accountName", equalTo(name)));
        return agent().get("/api/conversations?status=OPEN").then().extract().path("items[0].id");
    }

    private void announce(String displayName) {
        TestAccounts.announce(
                new AccountChanged(
                        account,
                        brand,
                        Channel.FACEBOOK,
                        "77" + Math.abs(brand.hashCode()),
                        displayName,
                        "OutletCare",
                        null,
                        true,
                        true,
                        TestAccounts.sealed(account, "EAAG-outlet"),
                        Instant.now()));
    }

    private RequestSpecification agent() {
        return given().header("Authorization", AgentTokens.bearer(brand));
    }
}
