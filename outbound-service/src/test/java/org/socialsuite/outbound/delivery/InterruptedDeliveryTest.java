package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
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
 * A delivery a killed process left SENDING (written here as that process would have) is reported
 * DELIVERY_UNKNOWN by the start-up check and never sent again.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_test"))
class InterruptedDeliveryTest {

    @Inject InterruptedDeliveries interrupted;

    @Test
    void aDeliveryLeftSendingBecomesDeliveryUnknownAndIsNotResent() throws Throwable {
        String replyId = UUID.randomUUID().toString();
        String conversationId = UUID.randomUUID().toString();
        leaveSending(replyId, conversationId);
        WireMockNetworks.server().resetRequests();

        try (TopicWatcher<ReplyResult> results =
                TopicWatcher.open(Topics.OUTBOUND_RESULT, new ReplyResultDeserializer())) {
            interrupted.report(null);

            ReplyResult result = results.awaitRecord(r -> r.replyId().equals(replyId)).value();
            assertThat(result.status()).isEqualTo(DeliveryOutcome.DELIVERY_UNKNOWN);
            assertThat(result.conversationId()).isEqualTo(conversationId);
            assertThat(result.errorMessage()).contains("may or may not have reached the network");
        }
        WireMockNetworks.server().verify(0, anyRequestedFor(anyUrl()));
    }

    private static void leaveSending(String replyId, String conversationId) throws Exception {
        PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());
        try (Connection connection =
                        DriverManager.getConnection(
                                postgres.jdbcUrl("outbound_test"),
                                postgres.username(),
                                postgres.password());
                PreparedStatement insert =
                        connection.prepareStatement(
                                "INSERT INTO delivery (reply_id, conversation_id, account_id,"
                                    + " channel, mode, status, attempts, requested_at, updated_at)"
                                    + " VALUES (?, ?, 'acme-facebook', 'FACEBOOK', 'PRIVATE',"
                                    + " 'SENDING', 0, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, replyId);
            insert.setString(2, conversationId);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }
}
