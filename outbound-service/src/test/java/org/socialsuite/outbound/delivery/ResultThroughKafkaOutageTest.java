package org.socialsuite.outbound.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialsuite.outbound.delivery.Replies.answering;
import static org.socialsuite.testsupport.NetworkStubs.json;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.DeliveryOutcome;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.events.ReplyRequested;
import org.socialsuite.events.ReplyResult;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.events.json.ReplyResultDeserializer;
import org.socialsuite.localstack.kafka.KafkaBroker;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.RestartableKafkaResource;
import org.socialsuite.testsupport.TopicWatcher;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * The broker hangs while the network is answering a reply: the SENT state and its announcement are
 * committed together, and the {@link ReplyResult} is published once the broker answers again.
 */
@QuarkusTest
@WithTestResource(RestartableKafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "outbound_outage_test"))
class ResultThroughKafkaOutageTest {

    @Test
    void aResultAnsweredWhileKafkaHangsIsAnnouncedWhenItIsBack() throws Exception {
        KafkaBroker broker = RestartableKafkaResource.broker();
        // The network takes its time, so the broker can be frozen while the call is in flight.
        WireMockNetworks.server()
                .stubFor(
                        post("/facebook/555_777/comments")
                                .willReturn(
                                        json(200, "{\"id\":\"555_901\"}").withFixedDelay(3_000)));
        ReplyRequested reply =
                Replies.facebook(
                        ReplyMode.PUBLIC,
                        answering("8001", null, "555_777", Duration.ofMinutes(5)));

        try (TopicWatcher<ReplyResult> results =
                TopicWatcher.open(
                        broker.bootstrapServers(),
                        Topics.OUTBOUND_RESULT,
                        new ReplyResultDeserializer())) {
            send(broker, reply);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> "SENDING".equals(status(reply)));
            broker.freeze();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(reply)));
                assertThat(pendingAnnouncements()).isEqualTo(1);
            } finally {
                broker.thaw();
            }

            ReplyResult result =
                    results.awaitRecord(r -> r.replyId().equals(reply.replyId())).value();
            assertThat(result.status()).isEqualTo(DeliveryOutcome.SENT);
            assertThat(result.platformMessageId()).isEqualTo("555_901");
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingAnnouncements() == 0);
        }
    }

    private static void send(KafkaBroker broker, ReplyRequested reply) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(
                            new ProducerRecord<>(
                                    Topics.OUTBOUND_REQUESTED,
                                    reply.conversationId(),
                                    EventJson.write(reply)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static String status(ReplyRequested reply) throws Exception {
        try (Connection connection = database();
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT status FROM delivery WHERE reply_id = ?")) {
            query.setString(1, reply.replyId());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static int pendingAnnouncements() throws Exception {
        try (Connection connection = database();
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT count(*) FROM outbox WHERE topic = ?")) {
            query.setString(1, Topics.OUTBOUND_RESULT);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Connection database() throws Exception {
        PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());
        return DriverManager.getConnection(
                postgres.jdbcUrl("outbound_outage_test"), postgres.username(), postgres.password());
    }
}
