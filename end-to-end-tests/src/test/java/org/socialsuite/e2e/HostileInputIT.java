package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.json.SocialEventReceivedDeserializer;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.localstack.tokens.DevAgentTokens;
import org.socialsuite.support.network.HmacSignature;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.TopicWatcher;

/**
 * The suite tried as an attacker would, against the packaged services and the workspace's gateway:
 * forged and malformed webhooks, the CRC oracle, forged and abused agent tokens, another brand's
 * data, path tricks and request smuggling. Every case asserts the exact status, that the answer
 * gives nothing away, and, for webhooks, that nothing was published: a valid marker sent on the
 * same key afterwards arrives with nothing of the attacker's before it.
 */
class HostileInputIT {

    private static final String TWITTER_SECRET = "dev-twitter-consumer-secret";
    private static final DevAgentTokens TOKENS = DevAgentTokens.load();

    private static SimulatedSuite suite;
    private static TopicWatcher<SocialEventReceived> inbound;

    @BeforeAll
    static void open() {
        suite = SimulatedSuite.get();
        inbound = TopicWatcher.open("social.inbound.v1", new SocialEventReceivedDeserializer());
    }

    @AfterAll
    static void close() {
        inbound.close();
    }

    // Webhooks.

    @Test
    void noFacebookWebhookIsAcceptedWithoutTheAppSecretsSignature() {
        String psid = attacker();
        String body = FacebookWebhooks.messenger(psid, "m_" + psid, "forged");
        String other = FacebookWebhooks.messenger(psid, "m_other" + psid, "signed elsewhere");
        String sha1 =
                "sha1="
                        + hex(
                                HmacSignature.hmac(
                                        "HmacSHA1", "dev-facebook-app-secret", bytes(body)));

        for (Consumer<RequestSpecification> forgery :
                List.<Consumer<RequestSpecification>>of(
                        r -> {},
                        r -> r.header("X-Hub-Signature-256", ""),
                        r ->
                                r.header(
                                        "X-Hub-Signature-256",
                                        "sha256="
                                                + hex(
                                                        HmacSignature.hmac(
                                                                "HmacSHA256",
                                                                "not-the-secret",
                                                                bytes(body)))),
                        r -> r.header("X-Hub-Signature-256", FacebookWebhooks.sign(other)),
                        r ->
                                r.header(
                                        "X-Hub-Signature-256",
                                        FacebookWebhooks.sign(body.replace("forged", "frged!"))),
                        r ->
                                r.header("X-Hub-Signature-256", FacebookWebhooks.sign(body))
                                        .header("X-Hub-Signature-256", "sha256=00"),
                        r ->
                                r.header("X-Hub-Signature-256", "sha256=00")
                                        .header("X-Hub-Signature-256", FacebookWebhooks.sign(body)),
                        r -> r.header("X-Hub-Signature", sha1))) {
            for (String base : List.of(suite.ingest.baseUrl(), suite.workspace.baseUrl())) {
                RequestSpecification request =
                        given().baseUri(base).contentType(ContentType.JSON).body(bytes(body));
                forgery.accept(request);
                assertRefused(request.post("/webhooks/facebook"), 401, "invalid_signature");
            }
        }
        assertNothingPublished(facebookKey(psid), () -> facebookMarker(psid));
    }

    @Test
    void noTwitterWebhookIsAcceptedWithoutTheConsumerSecretsSignature() {
        String sender = attacker();
        String body = twitterDm(sender, "forged");
        for (Consumer<RequestSpecification> forgery :
                List.<Consumer<RequestSpecification>>of(
                        r -> {},
                        r -> r.header("x-twitter-webhooks-signature", ""),
                        r ->
                                r.header(
                                        "x-twitter-webhooks-signature",
                                        "sha256="
                                                + base64(
                                                        HmacSignature.hmac(
                                                                "HmacSHA256",
                                                                "not-the-secret",
                                                                bytes(body)))),
                        r ->
                                r.header(
                                        "x-twitter-webhooks-signature",
                                        twitterSignature(twitterDm(sender, "other"))),
                        r ->
                                r.header(
                                        "x-twitter-webhooks-signature",
                                        twitterSignature(body.replace("forged", "frged!"))),
                        r ->
                                r.header("x-twitter-webhooks-signature", twitterSignature(body))
                                        .header("x-twitter-webhooks-signature", "sha256=AA=="))) {
            RequestSpecification request =
                    given().baseUri(suite.ingest.baseUrl())
                            .contentType(ContentType.JSON)
                            .body(bytes(body));
            forgery.accept(request);
            assertRefused(request.post("/webhooks/twitter"), 401, "invalid_signature");
        }
        assertNothingPublished(twitterKey(sender), () -> twitterMarker(sender));
    }

    @Test
    void theCrcCheckSignsNoWebhookBody() {
        String sender = attacker();
        String body = twitterDm(sender, "forged through the CRC check");
        double refusedBefore =
                metric(suite.ingest, "social_webhook_crc_refused_total{channel=\"TWITTER\"");

        for (String base : List.of(suite.ingest.baseUrl(), suite.workspace.baseUrl())) {
            assertRefused(
                    given().baseUri(base).queryParam("crc_token", body).get("/webhooks/twitter"),
                    400,
                    "malformed_payload");
        }
        assertRefused(
                given().baseUri(suite.ingest.baseUrl())
                        .queryParam("crc_token", "a".repeat(257))
                        .get("/webhooks/twitter"),
                400,
                "malformed_payload");
        // A real token is still answered.
        given().baseUri(suite.ingest.baseUrl())
                .queryParam("crc_token", "QmFzZTY0IHRva2Vu-_")
                .get("/webhooks/twitter")
                .then()
                .statusCode(200)
                .body("response_token", startsWith("sha256="));

        assertThat(metric(suite.ingest, "social_webhook_crc_refused_total{channel=\"TWITTER\""))
                .isEqualTo(refusedBefore + 3);
        assertNothingPublished(twitterKey(sender), () -> twitterMarker(sender));
    }

    @Test
    void hugeDeepInvalidAndMistypedBodiesAreRefusedEvenWhenSigned() throws IOException {
        String psid = attacker();
        // 10 MB announced: refused on the headers, before a byte of it is read.
        assertThat(
                        raw(
                                suite.ingest,
                                "POST /webhooks/facebook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Content-Type: application/json\r\n"
                                        + "X-Hub-Signature-256: sha256=00\r\n"
                                        + "Content-Length: "
                                        + 10 * 1024 * 1024
                                        + "\r\n\r\n"))
                .startsWith("HTTP/1.1 413");

        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(
                signedFacebook(
                        bytes("{\"object\":\"page\",\"entry\":" + deep + "}"), "application/json"),
                400,
                "malformed_payload");

        byte[] invalidUtf8 = bytes(FacebookWebhooks.messenger(psid, "m_utf" + psid, "AB"));
        int at = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("AB");
        invalidUtf8[at] = (byte) 0xC0; // an overlong encoding of '\u0001'
        invalidUtf8[at + 1] = (byte) 0x81;
        assertRefused(signedFacebook(invalidUtf8, "application/json"), 400, "malformed_payload");

        String sender = attacker();
        byte[] twitterInvalid = bytes(twitterDm(sender, "AB"));
        int twitterAt = new String(twitterInvalid, StandardCharsets.UTF_8).indexOf("AB");
        twitterInvalid[twitterAt] = (byte) 0xED; // an encoded surrogate, never valid UTF-8
        twitterInvalid[twitterAt + 1] = (byte) 0xA0;
        assertRefused(
                given().baseUri(suite.ingest.baseUrl())
                        .contentType(ContentType.JSON)
                        .header(
                                "x-twitter-webhooks-signature",
                                "sha256="
                                        + base64(
                                                HmacSignature.hmac(
                                                        "HmacSHA256",
                                                        TWITTER_SECRET,
                                                        twitterInvalid)))
                        .body(twitterInvalid)
                        .post("/webhooks/twitter"),
                400,
                "malformed_payload");

        byte[] body = bytes(FacebookWebhooks.messenger(psid, "m_type" + psid, "typed"));
        assertRefused(signedFacebook(body, "text/plain"), 415, null);
        assertRefused(signedFacebook(body, ";;;="), 400, "bad_request");

        assertNothingPublished(facebookKey(psid), () -> facebookMarker(psid));
        assertNothingPublished(twitterKey(sender), () -> twitterMarker(sender));
    }

    @Test
    void namesFromAPayloadNeverBecomeMetricTags() {
        String psid = attacker();
        String field = "zz" + psid.replace("-", "");
        String facebook =
                """
                {"object":"page","entry":[{"id":"1000001","time":1767225600123,"changes":[\
                {"field":"%s","value":{}},{"field":"feed","value":{"item":"%s","verb":"%s"}}]}]}\
                """
                        .formatted(field, field + "item", field + "verb");
        FacebookWebhooks.postSigned(suite.ingest, facebook)
                .statusCode(200)
                .body("skipped", equalTo(2));
        String twitter = "{\"for_user_id\":\"2000001\",\"" + field + "_events\":[{}]}";
        given().baseUri(suite.ingest.baseUrl())
                .contentType(ContentType.JSON)
                .header("x-twitter-webhooks-signature", twitterSignature(twitter))
                .body(bytes(twitter))
                .post("/webhooks/twitter")
                .then()
                .statusCode(200)
                .body("skipped", equalTo(1));

        String metrics = given().baseUri(suite.ingest.baseUrl()).get("/q/metrics").asString();
        assertThat(metrics).doesNotContain(field).contains("kind=\"changes\"", "kind=\"activity\"");
    }

    // Agent tokens.

    @Test
    void onlyAValidUnexpiredTokenOfTheRightIssuerAndAudienceGetsIn() throws Exception {
        Instant now = Instant.now();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("none", unsigned(claims(c -> {})));
        refused.put("HS256 keyed with the public key", hs256WithThePublicKey(claims(c -> {})));
        refused.put(
                "expired",
                TOKENS.sign(
                        claims(
                                c -> {
                                    c.put("iat", now.minusSeconds(7200).getEpochSecond());
                                    c.put("exp", now.minusSeconds(3600).getEpochSecond());
                                })));
        refused.put("wrong issuer", TOKENS.sign(claims(c -> c.put("iss", "https://evil.example"))));
        refused.put("wrong audience", TOKENS.sign(claims(c -> c.put("aud", "another-app"))));
        refused.put("no audience", TOKENS.sign(claims(c -> c.remove("aud"))));
        refused.put(
                "issued 13 h ago",
                TOKENS.sign(
                        claims(
                                c ->
                                        c.put(
                                                "iat",
                                                now.minus(Duration.ofHours(13))
                                                        .getEpochSecond()))));
        refused.put(
                "valid for 10 years",
                TOKENS.sign(
                        claims(
                                c ->
                                        c.put(
                                                "exp",
                                                now.plus(Duration.ofDays(3650))
                                                        .getEpochSecond()))));
        refused.put("tampered", tamper(AgentTokens.forBrand("acme")));
        for (var token : refused.entrySet()) {
            for (String base : List.of(suite.conversations.baseUrl(), suite.workspace.baseUrl())) {
                Response answer =
                        given().baseUri(base)
                                .header("Authorization", "Bearer " + token.getValue())
                                .get("/api/conversations");
                assertThat(answer.statusCode()).as(token.getKey() + " at " + base).isEqualTo(401);
                assertNoInternals(answer);
            }
        }

        Map<String, Object> brands = new java.util.LinkedHashMap<>();
        brands.put("missing", null);
        brands.put("an array", List.of("acme", "globex"));
        brands.put("a number", 42);
        brands.put("an object", Map.of("id", "acme"));
        brands.put("empty", "");
        for (var brand : brands.entrySet()) {
            String token =
                    TOKENS.sign(
                            claims(
                                    c -> {
                                        if (brand.getValue() == null) {
                                            c.remove("brand");
                                        } else {
                                            c.put("brand", brand.getValue());
                                        }
                                    }));
            for (ServiceProcess service :
                    List.of(suite.conversations, suite.profiles, suite.outbound, suite.workspace)) {
                Response answer =
                        given().baseUri(service.baseUrl())
                                .header("Authorization", "Bearer " + token)
                                .get(pathOf(service));
                assertThat(answer.statusCode())
                        .as("brand " + brand.getKey() + " at " + service.name())
                        .isEqualTo(403);
                assertNoInternals(answer);
            }
        }
        given().baseUri(suite.conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/conversations")
                .then()
                .statusCode(200);
    }

    // Tenants.

    @Test
    void anotherBrandsDataIsNotFoundEverywhereAndItsStreamStaysSilent() throws Exception {
        String psid = attacker();
        String conversation = acmeConversation(psid, "acme's private matter");
        String post =
                given().baseUri(suite.simulator.baseUrl())
                        .get("/console/api/world")
                        .jsonPath()
                        .getString("facebook.pages.find { it.name == 'AcmeCare' }.posts[0].id");
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(
                                "8004", "m_" + UUID.randomUUID(), "profile please"))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().baseUri(suite.profiles.baseUrl())
                                        .header("Authorization", AgentTokens.bearer("acme"))
                                        .get("/api/profiles/facebook/8004")
                                        .then()
                                        .statusCode(200));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().baseUri(suite.profiles.baseUrl())
                                        .header("Authorization", AgentTokens.bearer("acme"))
                                        .get("/api/posts/facebook/" + post + "/thread")
                                        .then()
                                        .statusCode(200));

        List<String> reads =
                List.of(
                        "/api/conversations/" + conversation,
                        "/api/conversations/" + conversation + "/messages",
                        "/api/profiles/facebook/8004",
                        "/api/posts/facebook/" + post + "/thread",
                        "/api/outbound/accounts/acme-facebook/public-to-private-link");
        for (String path : reads) {
            for (String base : List.of(direct(path), suite.workspace.baseUrl())) {
                Response answer =
                        given().baseUri(base)
                                .header("Authorization", AgentTokens.bearer("globex"))
                                .get(path);
                assertThat(answer.statusCode()).as(path + " at " + base).isEqualTo(404);
                assertNoInternals(answer);
                assertThat(answer.asString()).doesNotContain("acme's private matter", "Chen");
            }
        }
        for (String base : List.of(suite.conversations.baseUrl(), suite.workspace.baseUrl())) {
            assertThat(
                            given().baseUri(base)
                                    .header("Authorization", AgentTokens.bearer("globex"))
                                    .contentType(ContentType.JSON)
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .body(Map.of("text", "hijack", "mode", "PRIVATE"))
                                    .post("/api/conversations/" + conversation + "/replies")
                                    .statusCode())
                    .isEqualTo(404);
            assertThat(
                            given().baseUri(base)
                                    .header("Authorization", AgentTokens.bearer("globex"))
                                    .post("/api/conversations/" + conversation + "/close")
                                    .statusCode())
                    .isEqualTo(404);
            given().baseUri(base)
                    .header("Authorization", AgentTokens.bearer("globex"))
                    .get("/api/conversations?status=")
                    .then()
                    .statusCode(200)
                    .body("items.id", not(hasItem(conversation)));
        }
        given().baseUri(suite.conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/conversations/" + conversation + "/messages")
                .then()
                .statusCode(200)
                .body("items.text", not(hasItem("hijack")))
                .body("items.size()", equalTo(1));
        given().baseUri(suite.conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/conversations/" + conversation)
                .then()
                .body("status", equalTo("OPEN"));

        // The streams: both connected (each hears its own brand), globex never hears acme.
        for (String base : List.of(suite.conversations.baseUrl(), suite.workspace.baseUrl())) {
            List<String> acme = new CopyOnWriteArrayList<>();
            List<String> globex = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> acmeStream = stream(base, "acme", acme);
            CompletableFuture<Void> globexStream = stream(base, "globex", globex);
            try {
                String acmeText = "acme secret " + UUID.randomUUID();
                speakUntilHeard(
                        acme,
                        () -> FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), acmeText),
                        acmeText);
                String globexPsid = attacker();
                String marker = "globex marker " + UUID.randomUUID();
                speakUntilHeard(
                        globex,
                        () ->
                                FacebookWebhooks.messenger(
                                        "3000001", globexPsid, "m_" + UUID.randomUUID(), marker),
                        marker);
                assertThat(globex)
                        .noneMatch(line -> line.contains(acmeText) || line.contains(psid));
            } finally {
                acmeStream.cancel(true);
                globexStream.cancel(true);
            }
        }
    }

    @Test
    void sqlInPathsAndQueriesIsJustAValueThatMatchesNothing() {
        String acme = AgentTokens.bearer("acme");
        Map<String, Integer> paths = new java.util.LinkedHashMap<>();
        paths.put("/api/conversations/1'%20OR%20'1'='1", 404);
        paths.put("/api/conversations/00000000-0000-0000-0000-000000000000;DROP%20TABLE%20x", 404);
        paths.put("/api/profiles/facebook/1'%20OR%201=1--", 404);
        paths.put("/api/posts/facebook/1');DELETE%20FROM%20post;--/thread", 404);
        paths.put("/api/outbound/accounts/acme-facebook'--/public-to-private-link", 404);
        // ";" separates query parameters here, so this one is limit=1 and an unknown "DROP".
        paths.put("/api/conversations?limit=1;DROP", 200);
        paths.put("/api/conversations?status=OPEN'--", 400);
        paths.put("/api/conversations?channel=FACEBOOK%27%20OR%201=1", 400);
        paths.put("/api/conversations?cursor=%27%20OR%201=1--", 400);
        for (var path : paths.entrySet()) {
            Response answer =
                    given().urlEncodingEnabled(false)
                            .baseUri(direct(path.getKey()))
                            .header("Authorization", acme)
                            .get(path.getKey());
            assertThat(answer.statusCode()).as(path.getKey()).isEqualTo(path.getValue());
            assertNoInternals(answer);
        }
    }

    // Protocol and gateway.

    @Test
    void malformedHeadersAreTheClientsErrorAndAnswersGiveNothingAway() {
        for (ServiceProcess service :
                List.of(
                        suite.ingest,
                        suite.conversations,
                        suite.profiles,
                        suite.outbound,
                        suite.workspace)) {
            Response answer =
                    given().baseUri(service.baseUrl())
                            .header("Authorization", AgentTokens.bearer("acme"))
                            .header("Accept", ";;;=")
                            .get(pathOf(service));
            assertThat(answer.statusCode()).as(service.name()).isEqualTo(400);
            assertNoInternals(answer);
        }
        Response unknown =
                given().baseUri(suite.conversations.baseUrl())
                        .header("Authorization", AgentTokens.bearer("acme"))
                        .get("/api/conversations?status=WHATEVER");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("message"))
                .isEqualTo("status must be one of [OPEN, CLOSED]");
    }

    @Test
    void theGatewayRoutesOnlyWhatItsTableSaysAndCannotBeSmuggledPast() throws Exception {
        for (String path :
                List.of(
                        "/api/conversations/../../q/metrics",
                        "/api/conversations/%2e%2e/%2e%2e/q/metrics",
                        "/api/conversations/..%2f..%2fq/metrics",
                        "/webhooks/..%2F..%2Fq/metrics",
                        "/api/profiles/%2e%2e/%2e%2e/q/openapi")) {
            Response answer =
                    given().urlEncodingEnabled(false).baseUri(suite.workspace.baseUrl()).get(path);
            assertThat(answer.statusCode()).as(path).isIn(400, 404);
            assertThat(answer.asString()).as(path).doesNotContain("jvm_", "openapi:", "social_");
        }
        // A service's own answer through the gateway keeps the workspace's security headers.
        given().baseUri(suite.workspace.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/conversations")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");

        // Content-Length and Transfer-Encoding together: refused, and nothing hides behind it.
        String psid = attacker();
        String smuggled = FacebookWebhooks.messenger(psid, "m_" + psid, "smuggled");
        String hidden =
                "POST /webhooks/facebook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "X-Hub-Signature-256: "
                        + FacebookWebhooks.sign(smuggled)
                        + "\r\nContent-Length: "
                        + bytes(smuggled).length
                        + "\r\n\r\n"
                        + smuggled;
        String request =
                "POST /api/conversations HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Content-Length: 4\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + "0\r\n\r\n"
                        + hidden;
        String answer = raw(suite.workspace, request);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.split("HTTP/1.1 ", -1)).hasSize(2); // one answer, to one request
        assertNothingPublished(facebookKey(psid), () -> facebookMarker(psid));
    }

    // Helpers.

    private static String attacker() {
        return "x-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void assertRefused(Response answer, int status, String error) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        if (error != null) {
            assertThat(answer.jsonPath().getString("error")).isEqualTo(error);
        }
        assertNoInternals(answer);
    }

    /** No class names, stack frames or library messages in an answer. */
    private static void assertNoInternals(Response answer) {
        assertThat(answer.asString())
                .doesNotContain(
                        "Exception",
                        "\tat ",
                        "java.",
                        "io.quarkus",
                        "org.jboss",
                        "com.fasterxml",
                        "Stack");
    }

    private static Response signedFacebook(byte[] body, String contentType) {
        return given().baseUri(suite.ingest.baseUrl())
                .header("Content-Type", contentType)
                .header(
                        "X-Hub-Signature-256",
                        "sha256="
                                + hex(
                                        HmacSignature.hmac(
                                                "HmacSHA256", "dev-facebook-app-secret", body)))
                .body(body)
                .post("/webhooks/facebook");
    }

    private static String twitterDm(String sender, String text) {
        return """
        {"for_user_id":"2000001","direct_message_events":[{"type":"message_create","id":"%s",\
        "created_timestamp":"1767261600000","message_create":{"target":{"recipient_id":"2000001"},\
        "sender_id":"%s","message_data":{"text":"%s"}}}],\
        "users":{"%s":{"id":"%s","name":"Mallory","screen_name":"mallory"}}}\
        """
                .formatted(
                        Math.abs(UUID.randomUUID().getMostSignificantBits()),
                        sender,
                        text,
                        sender,
                        sender);
    }

    private static String twitterSignature(String body) {
        return "sha256=" + base64(HmacSignature.hmac("HmacSHA256", TWITTER_SECRET, bytes(body)));
    }

    private static String facebookKey(String psid) {
        return "acme-facebook:" + psid;
    }

    private static String twitterKey(String sender) {
        return "acme-twitter:" + sender;
    }

    private static String facebookMarker(String psid) {
        String text = "marker " + UUID.randomUUID();
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), text))
                .statusCode(200);
        return text;
    }

    private static String twitterMarker(String sender) {
        String text = "marker " + UUID.randomUUID();
        String body = twitterDm(sender, text);
        given().baseUri(suite.ingest.baseUrl())
                .contentType(ContentType.JSON)
                .header("x-twitter-webhooks-signature", twitterSignature(body))
                .body(bytes(body))
                .post("/webhooks/twitter")
                .then()
                .statusCode(200);
        return text;
    }

    /**
     * Sends a valid marker on the key and waits for it: anything the attack had published on that
     * key (one partition, in order) would have arrived before it.
     */
    private static void assertNothingPublished(
            String key, java.util.function.Supplier<String> marker) {
        String text = marker.get();
        ConsumerRecord<String, SocialEventReceived> arrived =
                inbound.awaitRecord(event -> text.equals(event.text()));
        assertThat(inbound.poll())
                .filteredOn(record -> key.equals(record.key()))
                .extracting(record -> record.value().text())
                .containsExactly(text);
        assertThat(arrived.key()).isEqualTo(key);
    }

    private static Map<String, Object> claims(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims =
                new java.util.HashMap<>(
                        TOKENS.agentClaims("acme", "acme-agent-1", Duration.ofMinutes(30)));
        change.accept(claims);
        return claims;
    }

    private static String unsigned(Map<String, Object> claims) {
        return jsonBase64(Map.of("alg", "none", "typ", "JWT")) + "." + jsonBase64(claims) + ".";
    }

    /** The classic confusion: HMAC keyed with the RSA public key, which every service holds. */
    private static String hs256WithThePublicKey(Map<String, Object> claims) throws IOException {
        String input = jsonBase64(Map.of("alg", "HS256", "typ", "JWT")) + "." + jsonBase64(claims);
        byte[] key =
                Files.readAllBytes(Path.of("..", "config", "dev-keys", "agent-jwt-public.pem"));
        return input
                + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                HmacSignature.hmac(
                                        "HmacSHA256",
                                        new String(key, StandardCharsets.US_ASCII),
                                        bytes(input)));
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"acme\"", "\"globex\"");
        return parts[0]
                + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(claims))
                + "."
                + parts[2];
    }

    private static String jsonBase64(Map<String, Object> value) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(bytes(new org.openqa.selenium.json.Json().toJson(value)));
    }

    private static String pathOf(ServiceProcess service) {
        return switch (service.name()) {
            case "ingest-service" -> "/webhooks/twitter?crc_token=abc";
            case "profile-service" -> "/api/profiles/facebook/8004";
            case "outbound-service" ->
                    "/api/outbound/accounts/acme-facebook/public-to-private-link";
            default -> "/api/conversations";
        };
    }

    /** The service that owns a path, as the gateway's route table says. */
    private static String direct(String path) {
        if (path.startsWith("/api/profiles") || path.startsWith("/api/posts")) {
            return suite.profiles.baseUrl();
        }
        return path.startsWith("/api/outbound")
                ? suite.outbound.baseUrl()
                : suite.conversations.baseUrl();
    }

    private static String acmeConversation(String psid, String text) {
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(psid, "m_" + UUID.randomUUID(), text))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().baseUri(suite.conversations.baseUrl())
                                        .header("Authorization", AgentTokens.bearer("acme"))
                                        .get("/api/conversations?status=OPEN")
                                        .then()
                                        .body("items.consumer.id", hasItem(psid)));
        return given().baseUri(suite.conversations.baseUrl())
                .header("Authorization", AgentTokens.bearer("acme"))
                .get("/api/conversations?status=OPEN")
                .then()
                .extract()
                .path("items.find { it.consumer.id == '" + psid + "' }.id");
    }

    private static CompletableFuture<Void> stream(String base, String brand, List<String> lines) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + "/api/conversations/stream"))
                        .header("Authorization", AgentTokens.bearer(brand))
                        .header("Accept", "text/event-stream")
                        .build();
        return HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
    }

    /** The stream's consumer may still be joining: speak until it hears. */
    private static void speakUntilHeard(
            List<String> lines, java.util.function.Supplier<String> webhook, String text) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            FacebookWebhooks.postSigned(suite.ingest, webhook.get())
                                    .statusCode(200);
                            return lines.stream().anyMatch(line -> line.contains(text));
                        });
    }

    private static double metric(ServiceProcess service, String prefix) {
        return given().baseUri(service.baseUrl())
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(HostileInputIT::sampleValue)
                .sum();
    }

    /**
     * The value of {@code name{labels} value [timestamp] [# exemplar]}: with tracing on, a sample
     * may end with the exemplar of the trace that last counted it.
     */
    private static double sampleValue(String line) {
        String sample = line.split(" # ", 2)[0];
        return Double.parseDouble(
                sample.substring(sample.lastIndexOf('}') + 1).trim().split(" ")[0]);
    }

    /** One request written byte for byte, and everything the server answers until it closes. */
    private static String raw(ServiceProcess service, String request) throws IOException {
        URI uri = URI.create(service.baseUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException e) {
                // What arrived is the answer; the server kept the connection open.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
