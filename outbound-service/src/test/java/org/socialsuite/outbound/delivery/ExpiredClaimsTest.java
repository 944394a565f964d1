package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ReplyResultDeserializer;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TopicWatcher;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * With several replicas, a SENDING row is either another live replica's call in progress or a dead
 * replica's: the claim's expiry tells them apart. Rows are written here as the two replicas would
 * have left them; the sweep that every replica runs reports only the expired one. (A real kill
 * mid-call: end-to-end-tests/ReplyCrashFaultIT.)
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class ExpiredClaimsTest {

    @Test
    void onlyAClaimThatOutlivedItsTimeIsReportedUnknownAndNothingIsResent() throws Exception {
        String dead = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        String conversation = UUID.randomUUID().toString();
        WireMockNetworks.server().resetRequests();

        try (TopicWatcher<ReplyResult> results =
                TopicWatcher.open(Topics.OUTBOUND_RESULT, new ReplyResultDeserializer())) {
            leaveSending(dead, conversation, Instant.now().minusSeconds(1));
            leaveSending(live, conversation, Instant.now().plus(Duration.ofMinutes(10)));

            ReplyResult result = results.awaitRecord(r -> r.replyId().equals(dead)).value();
            assertThat(result.status()).isEqualTo(DeliveryOutcome.DELIVERY_UNKNOWN);
            assertThat(result.conversationId()).isEqualTo(conversation);
            assertThat(result.errorMessage()).contains("may or may not have reached the network");
            assertThat(status(dead)).isEqualTo("DELIVERY_UNKNOWN");
            assertThat(status(live)).as("another replica's call in progress").isEqualTo("SENDING");
            assertThat(results.poll()).hasSize(1);
        }
        WireMockNetworks.server().verify(0, anyRequestedFor(anyUrl()));
    }

    private static Connection database() throws Exception {
        PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());
        return DriverManager.getConnection(
                postgres.jdbcUrl("outbound_test"), postgres.username(), postgres.password());
    }

    private static void leaveSending(String replyId, String conversationId, Instant claimExpiresAt)
            throws Exception {
        try (Connection connection = database();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO delivery (reply_id, conversation_id, account_id,"
                                        + " channel, mode, status, attempts, requested_at,"
                                        + " updated_at, claim_expires_at) VALUES (?, ?,"
                                        + " 'acme-facebook', 'FACEBOOK', 'PRIVATE', 'SENDING', 1,"
                                        + " ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, replyId);
            insert.setString(2, conversationId);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, Timestamp.from(claimExpiresAt));
            insert.executeUpdate();
        }
    }

    private static String status(String replyId) throws Exception {
        try (Connection connection = database();
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT status FROM delivery WHERE reply_id = ?")) {
            query.setString(1, replyId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
