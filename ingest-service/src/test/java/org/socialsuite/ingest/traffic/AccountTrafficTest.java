package org.socialsuite.ingest.traffic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Topics;
import org.socialsuite.support.replay.InboundReplay;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TestEvents;

/**
 * An account's traffic is read back from social.inbound.v1 (keys and write times only), and an
 * account that normally receives events is reported once it is silent longer than its window: in
 * the readiness detail and as a metric, while readiness itself stays UP.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
class AccountTrafficTest {

    /** Its window is an hour (application.properties, test profile); the default is six. */
    private static final String QUIET = "quiet-page";

    @AfterEach
    void resetClock() {
        TestClock.set(TestClock.START);
    }

    @Test
    void anAccountSilentLongerThanItsWindowIsReportedUntilItNoLongerCounts() {
        Instant at = written(QUIET);
        TestClock.set(at.plusSeconds(60));
        awaitTraffic(QUIET, "last event " + at + " (1m ago, window 1h), 0.1/min");
        metric("social_ingest_account_silent", QUIET, "0.0");
        metric("social_ingest_account_silence_window_seconds", QUIET, "3600.0");
        metric("social_ingest_account_last_event_timestamp_seconds", QUIET, "");
        ready().body("checks.find { it.name == 'account-traffic' }.data.caughtUp", equalTo(true));

        // A replayed copy is not traffic: written later, it leaves the last event where it was
        // (a marker of another account, written after it, shows the feed has read past it).
        TestEvents.publishRaw(
                Topics.INBOUND,
                QUIET + ":c-1",
                "{}".getBytes(StandardCharsets.UTF_8),
                InboundReplay.REPLAYED_FROM,
                "social.inbound.v1/0@0");
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
        written(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> traffic(marker) != null);
        assertThat(traffic(QUIET)).startsWith("last event " + at + " (");

        // Silent longer than its window: said, and the gauge the alert watches is 1; readiness
        // stays UP (a quiet network is no reason to take a replica out of service).
        TestClock.set(at.plus(Duration.ofMinutes(61)));
        assertThat(traffic(QUIET))
                .isEqualTo("SILENT: last event " + at + " (1h 1m ago, window 1h), 0.0/min");
        metric("social_ingest_account_silent", QUIET, "1.0");
        ready().statusCode(200).body("status", equalTo("UP"));

        // Beyond the look-back it is no longer an account that normally receives traffic.
        TestClock.set(at.plus(Duration.ofDays(8)));
        assertThat(traffic(QUIET)).startsWith("last event ");
        metric("social_ingest_account_silent", QUIET, "0.0");
    }

    /** Writes an event of the account as ingest does, and returns when the broker stamped it. */
    private static Instant written(String account) {
        return Instant.ofEpochMilli(
                TestEvents.publishRaw(
                                Topics.INBOUND,
                                account + ":c-1",
                                "{}".getBytes(StandardCharsets.UTF_8))
                        .timestamp());
    }

    private static ValidatableResponse ready() {
        return given().get("/q/health/ready").then();
    }

    /** The account's line in the readiness detail, or null while it has none. */
    private static String traffic(String account) {
        return given().get("/q/health/ready")
                .then()
                .extract()
                .path("checks.find { it.name == 'account-traffic' }.data.'" + account + "'");
    }

    private static void awaitTraffic(String account, String expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(traffic(account)).isEqualTo(expected));
    }

    private static void metric(String name, String account, String value) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                given().get("/q/metrics")
                                        .then()
                                        .body(
                                                containsString(
                                                        name
                                                                + "{account=\""
                                                                + account
                                                                + "\"} "
                                                                + value)));
    }
}
