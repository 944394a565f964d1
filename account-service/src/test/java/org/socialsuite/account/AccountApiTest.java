package org.socialsuite.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.account.account.Accounts;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.AccountChangedDeserializer;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.support.credentials.CredentialVault;
import org.socialsuite.support.credentials.SealedCredential;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * A brand's administrator connects, changes and disconnects accounts through the API; every change
 * reaches social.account.v1 with the credential sealed, and nothing anyone reads holds the token.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "account_test"))
class AccountApiTest {

    @Inject CredentialVault vault;
    @Inject Accounts accounts;

    private TopicWatcher<AccountChanged> announced;

    @BeforeEach
    void watch() {
        announced = TopicWatcher.open(Topics.ACCOUNT, new AccountChangedDeserializer());
    }

    @AfterEach
    void close() {
        announced.close();
    }

    @Test
    void anAdministratorConnectsChangesAndDisconnectsAPageAndEveryChangeIsAnnounced()
            throws Exception {
        String pageId = pageId();
        String token = "EAAG-outlet-token-" + UUID.randomUUID();
        String id = "acme-facebook-" + pageId;

        String created =
                admin("acme")
                        .body(facebookPage(pageId, token))
                        .post("/api/accounts")
                        .then()
                        .statusCode(201)
                        .header("Location", endsWith("/api/accounts/" + id))
                        .body("id", equalTo(id))
                        .body("displayName", equalTo("Acme Outlet"))
                        .body("receivePublic", equalTo(true))
                        .body("receivePrivate", equalTo(true))
                        .body("credentialKey", equalTo("dev1"))
                        .extract()
                        .asString();
        assertThat(created).doesNotContain(token);

        AccountChanged connected = announced.awaitRecord(a -> a.accountId().equals(id)).value();
        assertThat(connected.brandId()).isEqualTo("acme");
        assertThat(connected.externalId()).isEqualTo(pageId);
        assertThat(connected.pageName()).isEqualTo("AcmeOutlet");
        assertThat(connected.sealedCredential()).doesNotContain(token);
        assertThat(vault.open(SealedCredential.parse(connected.sealedCredential()), id))
                .isEqualTo(token);
        assertThat(storedCredential(id)).isEqualTo(connected.sealedCredential());

        // Public messages off: announced, so ingest can stop taking them in.
        admin("acme")
                .body(Map.of("receivePublic", false))
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("receivePublic", equalTo(false))
                .body("receivePrivate", equalTo(true));
        announced.awaitRecord(a -> a.accountId().equals(id) && !a.receivePublic());

        // A new token (rotated at the network): only its sealed form travels.
        String rotated = "EAAG-rotated-" + UUID.randomUUID();
        assertThat(
                        admin("acme")
                                .body(Map.of("accessToken", rotated))
                                .patch("/api/accounts/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .doesNotContain(rotated);
        AccountChanged renewed =
                announced
                        .awaitRecord(
                                a ->
                                        a.accountId().equals(id)
                                                && !a.sealedCredential()
                                                        .equals(connected.sealedCredential()))
                        .value();
        assertThat(vault.open(SealedCredential.parse(renewed.sealedCredential()), id))
                .isEqualTo(rotated);

        admin("acme").get("/api/accounts").then().statusCode(200).body("id", hasItems(id));

        admin("acme").delete("/api/accounts/" + id).then().statusCode(204);
        ConsumerRecord<String, AccountChanged> tombstone = announced.awaitTombstone(id);
        assertThat(tombstone.key()).isEqualTo(id);
        admin("acme").get("/api/accounts/" + id).then().statusCode(404);
    }

    @Test
    void anotherBrandsAdministratorFindsNothingAndAnAgentOrNoTokenGetsNothing() {
        String pageId = pageId();
        String id = "acme-facebook-" + pageId;
        admin("acme")
                .body(facebookPage(pageId, "EAAG-x"))
                .post("/api/accounts")
                .then()
                .statusCode(201);

        admin("globex").get("/api/accounts/" + id).then().statusCode(404);
        admin("globex")
                .body(Map.of("receivePublic", false))
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(404);
        admin("globex").delete("/api/accounts/" + id).then().statusCode(404);
        assertThat(
                        admin("globex")
                                .get("/api/accounts")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<List<String>>path("id"))
                .doesNotContain(id)
                .allSatisfy(own -> assertThat(own).startsWith("globex-"));
        given().header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/accounts")
                .then()
                .statusCode(403);
        given().get("/api/accounts").then().statusCode(401);
        // Still there, unchanged.
        admin("acme")
                .get("/api/accounts/" + id)
                .then()
                .statusCode(200)
                .body("receivePublic", equalTo(true));
    }

    @Test
    void aPageIsConnectedOnceAndAMalformedRequestSaysWhy() {
        String pageId = pageId();
        admin("acme")
                .body(facebookPage(pageId, "EAAG-1"))
                .post("/api/accounts")
                .then()
                .statusCode(201);

        admin("globex")
                .body(facebookPage(pageId, "EAAG-2"))
                .post("/api/accounts")
                .then()
                .statusCode(409)
                .body("error", equalTo("conflict"));
        Map<String, Object> noToken = new HashMap<>(facebookPage(pageId(), "x"));
        noToken.remove("accessToken");
        admin("acme")
                .body(noToken)
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body("message", equalTo("accessToken is required"));
        admin("acme")
                .body(
                        Map.of(
                                "channel", "TWITTER",
                                "externalId", pageId(),
                                "displayName", "Acme on X",
                                "accessToken", "x-token"))
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo(
                                "handle is the X @handle without the @: 1 to 15 letters, digits or"
                                        + " _"));
    }

    @Test
    void theConfiguredRegistryIsLoadedAtStartAndAnnounced() {
        admin("acme")
                .get("/api/accounts")
                .then()
                .statusCode(200)
                .body("id", hasItems("acme-facebook", "acme-twitter"))
                .body("find { it.id == 'acme-twitter' }.displayName", equalTo("@AcmeCare"))
                .body("find { it.id == 'acme-facebook' }.pageName", equalTo("AcmeCare"));
        try (TopicWatcher<AccountChanged> state =
                TopicWatcher.whole(Topics.ACCOUNT, new AccountChangedDeserializer())) {
            AccountChanged acme =
                    state.awaitRecord(a -> a.accountId().equals("acme-facebook")).value();
            assertThat(vault.open(SealedCredential.parse(acme.sealedCredential()), "acme-facebook"))
                    .isEqualTo("dev-acme-page-token");
        }
    }

    @Test
    void everyStoredAccountIsAnnouncedAgainAsItStandsForABrokerThatLostTheTopic() throws Throwable {
        String pageId = pageId();
        String id = "acme-facebook-" + pageId;
        admin("acme").body(facebookPage(pageId, "EAAG-" + pageId)).post("/api/accounts");
        announced.awaitRecord(a -> a.accountId().equals(id));
        admin("acme")
                .body(Map.of("receivePublic", false))
                .patch("/api/accounts/" + id)
                .then()
                .statusCode(200);
        announced.awaitRecord(a -> a.accountId().equals(id) && !a.receivePublic());

        try (TopicWatcher<AccountChanged> after =
                TopicWatcher.open(Topics.ACCOUNT, new AccountChangedDeserializer())) {
            int count = VertxContextSupport.subscribeAndAwait(accounts::announceAll);

            List<AccountChanged> again =
                    after.awaitRecords(count).stream().map(ConsumerRecord::value).toList();
            assertThat(again)
                    .extracting(AccountChanged::accountId)
                    .contains(id, "acme-facebook", "acme-twitter")
                    .doesNotHaveDuplicates();
            assertThat(again)
                    .filteredOn(a -> a.accountId().equals(id))
                    .singleElement()
                    .satisfies(a -> assertThat(a.receivePublic()).isFalse());
        }
    }

    private static Map<String, Object> facebookPage(String pageId, String token) {
        return Map.of(
                "channel", "FACEBOOK",
                "externalId", pageId,
                "displayName", "Acme Outlet",
                "pageName", "AcmeOutlet",
                "accessToken", token);
    }

    private static RequestSpecification admin(String brand) {
        return given().header("Authorization", AgentTokens.adminBearer(brand))
                .contentType(ContentType.JSON);
    }

    private static String pageId() {
        return Long.toString(7_000_000_000L + (System.nanoTime() % 1_000_000_000L));
    }

    private static String storedCredential(String id) throws Exception {
        try (Connection db =
                        PostgresServer.fromEnvironment(System.getenv()).connect("account_test");
                PreparedStatement query =
                        db.prepareStatement("SELECT credential FROM account WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
