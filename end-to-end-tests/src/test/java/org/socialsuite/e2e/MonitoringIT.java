package org.socialsuite.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.testsupport.YamlDocuments;

/**
 * Every metric that deploy/'s alerts and dashboard use is one the packaged applications export:
 * after a webhook, a forged webhook and a reply, each name in their PromQL is in a live scrape.
 */
class MonitoringIT {

    private static final Path OBSERVABILITY =
            Path.of("..", "deploy", "base", "observability").toAbsolutePath();
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring");

    @Test
    void everyMetricOfTheAlertsAndTheDashboardIsExported() {
        SimulatedSuite suite = SimulatedSuite.get();
        Set<String> used = new TreeSet<>();
        alertExpressions().forEach(expression -> used.addAll(metricNames(expression)));
        dashboardExpressions().forEach(expression -> used.addAll(metricNames(expression)));
        assertThat(used).contains("social_webhook_events_total", "outbound_deliveries_total");

        String psid = "7800" + System.nanoTime() % 100_000;
        FacebookWebhooks.postSigned(
                        suite.ingest,
                        FacebookWebhooks.messenger(
                                "1000001",
                                psid,
                                "m_mon_" + psid,
                                "Is anybody watching?",
                                System.currentTimeMillis()))
                .statusCode(200);
        FacebookWebhooks.post(suite.ingest, "{\"object\":\"page\",\"entry\":[]}", "sha256=00")
                .statusCode(401);
        AgentApi agent = new AgentApi(suite.conversations);
        String conversation = agent.awaitConversationOf(psid);
        String reply = agent.reply(conversation, "Yes, we are");
        // Delivered or refused by the simulated network: either way outbound has counted it.
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                Set.of("SENT", "FAILED", "DELIVERY_UNKNOWN")
                                        .contains(agent.deliveryStatus(conversation, reply)));

        List<ServiceProcess> services =
                List.of(
                        suite.ingest,
                        suite.conversations,
                        suite.outbound,
                        suite.profiles,
                        suite.accounts);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(exported(services)).containsAll(used));
    }

    /** The names each service exports (histogram and counter series included). */
    private static Set<String> exported(List<ServiceProcess> services) {
        Set<String> names = new TreeSet<>();
        for (ServiceProcess service : services) {
            String scrape = given().baseUri(service.baseUrl()).get("/q/metrics").asString();
            scrape.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(names::add);
        }
        return names;
    }

    /**
     * The metric names in a PromQL expression: strings, matchers, ranges and label lists removed.
     */
    static Set<String> metricNames(String expression) {
        String bare =
                expression
                        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                        .replaceAll("\\{[^}]*}", "")
                        .replaceAll("\\[[^]]*]", "")
                        .replaceAll(
                                "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
                                "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String token = matcher.group();
            boolean function = bare.substring(matcher.end()).stripLeading().startsWith("(");
            boolean number =
                    matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!function && !number && !KEYWORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Stream<String> alertExpressions() {
        Map<String, Object> rule = document("alerts.yaml");
        List<Map<String, Object>> groups =
                (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
        return groups.stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .map(alert -> (String) alert.get("expr"));
    }

    @SuppressWarnings("unchecked")
    private static Stream<String> dashboardExpressions() {
        List<Map<String, Object>> panels =
                (List<Map<String, Object>>) document("dashboard.json").get("panels");
        return panels.stream()
                .flatMap(panel -> ((List<Map<String, Object>>) panel.get("targets")).stream())
                .map(target -> (String) target.get("expr"));
    }

    private static Map<String, Object> document(String file) {
        return YamlDocuments.read(List.of(OBSERVABILITY.resolve(file))).get(0);
    }
}
