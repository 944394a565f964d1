package org.socialsuite.profile.profile;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.socialsuite.testsupport.NetworkStubs.json;
import static org.socialsuite.testsupport.NetworkStubs.tooManyRequests;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ConsumerProfileUpdated;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.ConsumerProfileUpdatedDeserializer;
import org.socialsuite.localstack.postgres.PostgresServer;
import org.socialsuite.profile.ProfileEvents;
import org.socialsuite.testsupport.HeldAnswers;
import org.socialsuite.testsupport.KafkaResource;
import org.socialsuite.testsupport.PostgresResource;
import org.socialsuite.testsupport.TestClock;
import org.socialsuite.testsupport.TopicWatcher;
import org.socialsuite.testsupport.WireMockNetworks;

/**
 * Profiles the events leave incomplete are fetched from the network once, kept for the expiry,
 * shared between concurrent requests, served stale when the network fails, and published when they
 * change.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(WireMockNetworks.class)
@WithTestResource(
        value = PostgresResource.class,
        initArgs = @ResourceArg(name = "database", value = "profile_test"))
class ProfileFetchTest {

    private final WireMockServer network = WireMockNetworks.server();
    private final ExecutorService agents = Executors.newFixedThreadPool(10);
    private TopicWatcher<ConsumerProfileUpdated> updates;

    @BeforeEach
    void setUp() {
        network.resetAll();
        updates = TopicWatcher.open(Topics.PROFILE, new ConsumerProfileUpdatedDeserializer());
    }

    @AfterEach
    void tearDown() {
        agents.shutdownNow();
        updates.close();
        TestClock.set(TestClock.START);
    }

    @Test
    void aMessengerConsumerIsFetchedOnceAndKeptForTheExpiry() {
        String psid = "8001" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        stubFacebookUser(psid, "Ann", 5.5);

        messengerMessageFrom(psid);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                profile("acme", "facebook", psid)
                                        .statusCode(200)
                                        .body("name", is("Ann Lee")));
        profile("acme", "facebook", psid)
                .body("imageUrl", is("https://example.invalid/" + psid + ".jpg"))
                .body("locale", is("en_GB"))
                .body("timezone", is(5.5f))
                // TestClock stands at 12:00Z: 17:30 at +05:30.
                .body("consumerLocalTime", is("2026-01-01T17:30:00+05:30"))
                .body("stale", is(false));
        network.verify(
                1,
                getRequestedFor(urlPathEqualTo("/facebook/" + psid))
                        .withQueryParam(
                                "fields",
                                equalTo("first_name,last_name,profile_pic,locale,timezone"))
                        .withHeader("Authorization", equalTo("Bearer dev-acme-page-token")));

        // Within the expiry: no call. After it: one more.
        TestClock.set(TestClock.START.plus(Duration.ofHours(23)));
        profile("acme", "facebook", psid).statusCode(200);
        network.verify(1, getRequestedFor(urlPathEqualTo("/facebook/" + psid)));
        TestClock.set(TestClock.START.plus(Duration.ofHours(25)));
        profile("acme", "facebook", psid).statusCode(200).body("stale", is(false));
        network.verify(2, getRequestedFor(urlPathEqualTo("/facebook/" + psid)));
    }

    @Test
    void tenConcurrentRequestsShareOneUpstreamCallWarmOrCold() throws Exception {
        String psid = "8002" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        HeldAnswers.hold();
        try {
            // The network keeps its answer back until every request is in: without sharing, each
            // request would make a call of its own while the first is still out.
            stubFacebookUser(psid, "Cy", 1.0);
            messengerMessageFrom(psid);
            await().atMost(Duration.ofSeconds(30)).until(() -> HeldAnswers.held() == 1);
            List<CompletableFuture<ValidatableResponse>> warm = tenAgentsAsk(psid);
            HeldAnswers.release();
            assertThat(warm).allSatisfy(answer -> answer.join().statusCode(200));
            assertThat(upstreamCalls(psid)).as("calls while the event's fetch was out").isOne();

            // Cold: the profile has expired and nothing is in flight; the first request starts
            // the call and the nine others join it.
            TestClock.set(TestClock.START.plus(Duration.ofHours(25)));
            HeldAnswers.hold();
            List<CompletableFuture<ValidatableResponse>> cold = tenAgentsAsk(psid);
            await().atMost(Duration.ofSeconds(30)).until(() -> HeldAnswers.held() >= 1);
            HeldAnswers.release();
            assertThat(cold)
                    .allSatisfy(answer -> answer.join().statusCode(200).body("stale", is(false)));
            assertThat(upstreamCalls(psid)).as("calls for ten cold requests").isEqualTo(2);
        } finally {
            HeldAnswers.release();
        }
    }

    /**
     * Ten agents open the profile at once; returns once every request has reached the service and
     * none has been answered (its own count of requests in progress has grown by ten).
     */
    private List<CompletableFuture<ValidatableResponse>> tenAgentsAsk(String psid) {
        double before = activeRequests();
        List<CompletableFuture<ValidatableResponse>> requests =
                IntStream.range(0, 10)
                        .mapToObj(
                                i ->
                                        CompletableFuture.supplyAsync(
                                                () -> profile("acme", "facebook", psid), agents))
                        .toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() >= before + 10);
        assertThat(requests).noneMatch(CompletableFuture::isDone);
        return requests;
    }

    private static double activeRequests() {
        return io.restassured.RestAssured.get("/q/metrics")
                .then()
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith("http_server_active_requests"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private int upstreamCalls(String psid) {
        return network.findAll(getRequestedFor(urlPathEqualTo("/facebook/" + psid))).size();
    }

    @Test
    void aFailingNetworkServesTheLastKnownDataStaleOrA503WhenNothingIsKnown() {
        String known = "8003" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        String unknown = "8004" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        stubFacebookUser(known, "Di", 0.0);
        messengerMessageFrom(known);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> profile("acme", "facebook", known).statusCode(200));

        network.stubFor(
                get(urlPathEqualTo("/facebook/" + known))
                        .willReturn(
                                json(
                                        500,
                                        "{\"error\":{\"message\":\"An unknown error"
                                                + " occurred\",\"code\":1}}")));
        network.stubFor(
                get(urlPathEqualTo("/facebook/" + unknown))
                        .willReturn(
                                json(
                                        500,
                                        "{\"error\":{\"message\":\"An unknown error"
                                                + " occurred\",\"code\":1}}")));
        messengerMessageFrom(unknown);
        TestClock.set(TestClock.START.plus(Duration.ofDays(2)));

        profile("acme", "facebook", known)
                .statusCode(200)
                .body("stale", is(true))
                .body("name", is("Di Lee"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                profile("acme", "facebook", unknown)
                                        .statusCode(503)
                                        .body("error", is("network_unavailable"))
                                        .body(
                                                "message",
                                                containsString(
                                                        "Nothing is known yet about " + unknown)));
    }

    @Test
    void aRateLimitedNetworkIsLeftAloneUntilItsReset() {
        String user = "9003" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        long reset = TestClock.START.plus(Duration.ofMinutes(10)).getEpochSecond();
        network.stubFor(
                get(urlPathEqualTo("/twitter/2/users/" + user)).willReturn(tooManyRequests(reset)));
        // A DM's users map carries no like count: the profile is fetched to complete it. The
        // account is this test's own: the pause it earns must not reach the other tests' accounts.
        ProfileEvents.publish(
                ProfileEvents.consumerOf(
                        "limited-twitter",
                        "limited",
                        Channel.TWITTER,
                        MessageKind.PRIVATE_MESSAGE,
                        new Author(user, "Gus", "gus", null, "hi", 1L, 2L, 3L, null)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                profile("limited", "twitter", user)
                                        .statusCode(200)
                                        .body("stale", is(true)));
        profile("limited", "twitter", user).statusCode(200).body("name", is("Gus"));
        // The first 429 paused the account: no further call before the reset.
        network.verify(1, getRequestedFor(urlPathEqualTo("/twitter/2/users/" + user)));
    }

    @Test
    void aFetchAnotherReplicaHoldsIsAwaitedNotRepeated() {
        String psid = "8005" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        stubFacebookUser(psid, "Eve", 0.0);
        messengerMessageFrom(psid);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> profile("acme", "facebook", psid).body("name", is("Eve Lee")));

        // A day later another replica has claimed the profile's fetch: this one waits for it.
        Instant later = TestClock.START.plus(Duration.ofHours(25));
        TestClock.set(later);
        anotherReplica(
                "UPDATE consumer_profile SET fetch_claimed_until = ? WHERE consumer_id = ?",
                later.plusSeconds(10),
                psid);
        CompletableFuture<ValidatableResponse> waiting = oneAgentAsks(psid);
        // The network would answer at once; an agent still waiting is waiting for the replica.
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !waiting.isDone());
        anotherReplica(
                "UPDATE consumer_profile SET name = 'Eve Fetched', fetched_at = ?,"
                        + " fetch_claimed_until = NULL WHERE consumer_id = ?",
                later,
                psid);
        waiting.join().statusCode(200).body("name", is("Eve Fetched")).body("stale", is(false));
        assertThat(upstreamCalls(psid)).as("calls while another replica fetched").isOne();

        // The other replica dies with its claim, and the network fails: the agent is not kept
        // waiting beyond the claim, and sees the last known data.
        network.stubFor(
                get(urlPathEqualTo("/facebook/" + psid))
                        .willReturn(json(500, "{\"error\":{\"message\":\"down\",\"code\":2}}")));
        Instant dayAfter = later.plus(Duration.ofHours(25));
        TestClock.set(dayAfter);
        anotherReplica(
                "UPDATE consumer_profile SET fetch_claimed_until = ? WHERE consumer_id = ?",
                dayAfter.plusSeconds(10),
                psid);
        CompletableFuture<ValidatableResponse> abandoned = oneAgentAsks(psid);
        TestClock.set(dayAfter.plusSeconds(11));
        abandoned.join().statusCode(200).body("name", is("Eve Fetched")).body("stale", is(true));
    }

    @Test
    void aPersonTheNetworkDoesNotKnowIsNotAskedAboutAgainForAnHour() {
        String psid = "8006" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        network.stubFor(
                get(urlPathEqualTo("/facebook/" + psid))
                        .willReturn(
                                json(
                                        400,
                                        "{\"error\":{\"message\":\"Unsupported get request.\","
                                                + "\"code\":100,\"error_subcode\":33}}")));
        messengerMessageFrom(psid);
        await().atMost(Duration.ofSeconds(30)).until(() -> upstreamCalls(psid) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> notFoundRecorded(psid));

        // More messages and the agent's widget: nothing more is asked of the network.
        messengerMessageFrom(psid);
        profile("acme", "facebook", psid).statusCode(404);
        profile("acme", "facebook", psid).statusCode(404);
        assertThat(upstreamCalls(psid)).isOne();

        TestClock.set(TestClock.START.plus(Duration.ofMinutes(61)));
        profile("acme", "facebook", psid).statusCode(404);
        assertThat(upstreamCalls(psid)).isEqualTo(2);
    }

    private static boolean notFoundRecorded(String consumerId) throws SQLException {
        return rowExists(
                "SELECT 1 FROM consumer_profile WHERE consumer_id = ? AND not_found_at IS NOT NULL",
                consumerId);
    }

    @Test
    void aRateLimitAnotherReplicaLearntPausesThisOne() {
        String user = "9005" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        network.stubFor(
                get(urlPathEqualTo("/twitter/2/users/" + user))
                        .willReturn(
                                json(
                                        200,
                                        "{\"data\":{\"id\":\""
                                                + user
                                                + "\",\"name\":\"Ida\",\"username\":\"ida\","
                                                + "\"public_metrics\":{\"tweet_count\":1,"
                                                + "\"like_count\":2,\"followers_count\":3,"
                                                + "\"following_count\":4}}}")));
        // Another replica got a 429 for this account (its own, so the pause reaches no other test).
        Instant reset = TestClock.START.plus(Duration.ofMinutes(10));
        anotherReplica(
                "INSERT INTO upstream_pause (account_id, paused_until) VALUES (?, ?)",
                "paused-twitter",
                reset);
        ProfileEvents.publish(
                ProfileEvents.consumerOf(
                        "paused-twitter",
                        "paused",
                        Channel.TWITTER,
                        MessageKind.PRIVATE_MESSAGE,
                        new Author(user, "Ida", "ida", null, "hi", 1L, null, 3L, 4L)));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                profile("paused", "twitter", user)
                                        .statusCode(200)
                                        .body("stale", is(true)));
        network.verify(0, getRequestedFor(urlPathEqualTo("/twitter/2/users/" + user)));

        TestClock.set(reset);
        profile("paused", "twitter", user).statusCode(200).body("stale", is(false));
        network.verify(1, getRequestedFor(urlPathEqualTo("/twitter/2/users/" + user)));
    }

    private CompletableFuture<ValidatableResponse> oneAgentAsks(String psid) {
        double before = activeRequests();
        CompletableFuture<ValidatableResponse> request =
                CompletableFuture.supplyAsync(() -> profile("acme", "facebook", psid), agents);
        await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() >= before + 1);
        return request;
    }

    /** What another replica of the service writes to the shared database. */
    private static void anotherReplica(String sql, Object... parameters) {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(
                        i + 1, value instanceof Instant at ? Timestamp.from(at) : value);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangedNameOrFollowerCountIsPublished() {
        String user = "9004" + Math.abs(UUID.randomUUID().getMostSignificantBits());
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.TWITTER,
                        MessageKind.POST,
                        new Author(user, "Hal", "hal", null, "bio", 10L, 20L, 30L, 40L)));
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.TWITTER,
                        MessageKind.POST,
                        new Author(user, "Hal", "hal", null, "bio", 10L, 20L, 30L, 40L)));
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.TWITTER,
                        MessageKind.POST,
                        new Author(user, "Hal Jordan", "hal", null, "bio", 11L, 20L, 30L, 40L)));

        List<ConsumerProfileUpdated> published =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        updates.poll().stream()
                                                .filter(r -> r.value().consumerId().equals(user))
                                                .map(r -> r.value())
                                                .toList(),
                                list -> list.size() >= 2);

        // The repeated event changed nothing and published nothing.
        assertThat(published).hasSize(2);
        assertThat(published.get(0).name()).isEqualTo("Hal");
        assertThat(published.get(1).name()).isEqualTo("Hal Jordan");
        assertThat(published.get(1).followerCount()).isEqualTo(11L);
        assertThat(published.get(1).accountId()).isEqualTo("acme-twitter");
        assertThat(updates.poll().stream().filter(r -> r.value().consumerId().equals(user)))
                .allSatisfy(r -> assertThat(r.key()).isEqualTo("TWITTER:" + user));
    }

    private void stubFacebookUser(String psid, String firstName, double timezone) {
        network.stubFor(
                get(urlPathEqualTo("/facebook/" + psid))
                        .willReturn(
                                json(
                                                200,
                                                "{\"id\":\""
                                                        + psid
                                                        + "\",\"first_name\":\""
                                                        + firstName
                                                        + "\",\"last_name\":\"Lee\","
                                                        + "\"profile_pic\":\"https://example.invalid/"
                                                        + psid
                                                        + ".jpg\",\"locale\":\"en_GB\",\"timezone\":"
                                                        + timezone
                                                        + "}")
                                        .withTransformers(HeldAnswers.NAME)));
    }

    private static void messengerMessageFrom(String psid) {
        ProfileEvents.publish(
                ProfileEvents.consumer(
                        Channel.FACEBOOK, MessageKind.PRIVATE_MESSAGE, Author.named(psid, null)));
    }

    /** Whether the event's profile row is there, read straight from the database. */
    private static boolean stored(String consumerId) throws SQLException {
        return rowExists("SELECT 1 FROM consumer_profile WHERE consumer_id = ?", consumerId);
    }

    /** The test's database, as another replica of the service would reach it. */
    private static Connection database() throws SQLException {
        PostgresServer postgres = PostgresServer.fromEnvironment(System.getenv());
        return DriverManager.getConnection(
                postgres.jdbcUrl("profile_test"), postgres.username(), postgres.password());
    }

    private static boolean rowExists(String query, String consumerId) throws SQLException {
        try (Connection connection = database();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, consumerId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static ValidatableResponse profile(String brand, String channel, String consumerId) {
        return ProfileEvents.get(brand, "/api/profiles/" + channel + "/" + consumerId);
    }
}
