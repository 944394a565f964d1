package org.socialsuite.ingest.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Channel;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.SocialEventReceivedDeserializer;
import org.socialsuite.ingest.Payloads;
import org.socialsuite.support.accounts.AccountRegistry;
import org.socialsuite.support.accounts.ConnectedAccount;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.TestAccounts;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * Accounts are live data: what account-service announces on {@code social.account.v1} is what
 * ingest takes in, without a restart.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class ConnectedAccountsTest {

    private static final String ACCOUNT = "initech-facebook";
    private static final String PAGE = "7000001";

    @Inject AccountRegistry accounts;

    private TopicWatcher<SocialEventReceived> inbound;

    @BeforeEach
    void watchInbound() {
        inbound = TopicWatcher.open(Topics.INBOUND, new SocialEventReceivedDeserializer());
    }

    @AfterEach
    void disconnect() {
        TestAccounts.disconnect(ACCOUNT);
        await().until(() -> accounts.byId(ACCOUNT).isEmpty());
        inbound.close();
    }

    @Test
    void aPageConnectedWhileRunningIsTakenInAndADisconnectedOneNoLonger() {
        post(messenger("m_before")).statusCode(200).body("published", equalTo(0));

        TestAccounts.announce(initech(true, true));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> accounts.byExternalId(Channel.FACEBOOK, PAGE).isPresent());
        post(messenger("m_after")).statusCode(200).body("published", equalTo(1));

        SocialEventReceived event = inbound.awaitRecords(1).get(0).value();
        assertThat(event.accountId()).isEqualTo(ACCOUNT);
        assertThat(event.brandId()).isEqualTo("initech");
        assertThat(event.platformId()).isEqualTo("m_after");

        TestAccounts.disconnect(ACCOUNT);
        await().until(() -> accounts.byId(ACCOUNT).isEmpty());
        post(messenger("m_gone"))
                .statusCode(200)
                .body("published", equalTo(0))
                .body("skipped", equalTo(1));
    }

    @Test
    void publicTurnedOffIsAcknowledgedAndCountedButNotPublished() {
        TestAccounts.announce(initech(false, true));
        await().until(
                        () ->
                                accounts.byId(ACCOUNT)
                                        .filter(account -> !account.receivePublic())
                                        .isPresent());

        post(comment("555_off"))
                .statusCode(200)
                .body("published", equalTo(0))
                .body("skipped", equalTo(1));
        post(messenger("m_still_private")).statusCode(200).body("published", equalTo(1));

        // The comment would have been on the topic before the private message.
        List<ConsumerRecord<String, SocialEventReceived>> published = inbound.awaitRecords(1);
        assertThat(published)
                .extracting(r -> r.value().platformId())
                .containsExactly("m_still_private");
        given().get("/q/metrics")
                .then()
                .body(
                        containsString(
                                "social_webhook_events_total{channel=\"FACEBOOK\","
                                        + "kind=\"COMMENT\",outcome=\"turned_off\"} 1.0"));

        TestAccounts.announce(initech(true, true));
        await().until(
                        () ->
                                accounts.byId(ACCOUNT)
                                        .filter(ConnectedAccount::receivePublic)
                                        .isPresent());
        post(comment("555_on")).statusCode(200).body("published", equalTo(1));
    }

    @Test
    void readinessSaysTheViewHasCaughtUp() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'connected-accounts' }.status", equalTo("UP"));
    }

    private static AccountChanged initech(boolean receivePublic, boolean receivePrivate) {
        return new AccountChanged(
                ACCOUNT,
                "initech",
                Channel.FACEBOOK,
                PAGE,
                "Initech Support",
                "InitechSupport",
                null,
                receivePublic,
                receivePrivate,
                TestAccounts.sealed(ACCOUNT, "EAAG-initech-page-token"),
                Instant.now());
    }

    private static byte[] messenger(String mid) {
        return ("{\"object\":\"page\",\"entry\":[{\"id\":\""
                        + PAGE
                        + "\",\"time\":1767225600123,\"messaging\":[{\"sender\":{\"id\":\"8101\"},"
                        + "\"recipient\":{\"id\":\""
                        + PAGE
                        + "\"},\"timestamp\":1767225600123,\"message\":{\"mid\":\""
                        + mid
                        + "\",\"text\":\"hello\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] comment(String commentId) {
        return ("{\"object\":\"page\",\"entry\":[{\"id\":\""
                        + PAGE
                        + "\",\"time\":1767225600,\"changes\":[{\"field\":\"feed\",\"value\":{"
                        + "\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\""
                        + PAGE
                        + "_555\",\"comment_id\":\""
                        + commentId
                        + "\",\"parent_id\":\""
                        + PAGE
                        + "_555\",\"from\":{\"id\":\"8101\",\"name\":\"Ann Lee\"},"
                        + "\"message\":\"where is my order\",\"created_time\":1767225600}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ValidatableResponse post(byte[] body) {
        return given().contentType(ContentType.JSON)
                .header("X-Hub-Signature-256", Payloads.facebookSignature(body))
                .body(body)
                .post("/webhooks/facebook")
                .then();
    }
}
