package org.socialsuite.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialsuite.deployment.DeployCheck.DEPLOY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socialsuite.testsupport.RequiredTools;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerts as Prometheus itself reads them: promtool checks the rules taken out of the
 * PrometheusRule, then runs deploy/check/alerts.test.yaml, where each alert fires (or stays quiet)
 * on the series it watches with the summary the operator reads. Without promtool (Debian's
 * prometheus package) the test is skipped, unless ALERT_TESTS=required (as in CI).
 */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path WORK = Path.of("target", "alerts").toAbsolutePath();

    @Test
    void everyAlertFiresOnWhatItWatchesAndSaysSo() throws Exception {
        RequiredTools.assumeInstalled(
                Files.isExecutable(PROMTOOL),
                "ALERT_TESTS",
                "apt-get install --no-install-recommends prometheus (for promtool)");
        Files.createDirectories(WORK);
        Map<String, Object> rule = load(DEPLOY.resolve("base/observability/alerts.yaml"));
        Map<String, Object> spec = map(rule, "spec");
        Files.writeString(WORK.resolve("alerts.rules.yaml"), dump(spec));
        Files.writeString(WORK.resolve("alerts.test.yaml"), dump(withDescriptions(spec)));

        DeployCheck.Result check = promtool("check", "rules", "alerts.rules.yaml");
        assertThat(check.status()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 8 rules found");
        DeployCheck.Result tests = promtool("test", "rules", "alerts.test.yaml");
        assertThat(tests.status()).as(tests.output()).isZero();
    }

    /** The test file, each expected alert given its rule's description (fixed text). */
    private static Map<String, Object> withDescriptions(Map<String, Object> spec) throws Exception {
        Map<String, String> descriptions = new HashMap<>();
        for (Map<String, Object> group : list(spec, "groups")) {
            for (Map<String, Object> rule : list(group, "rules")) {
                descriptions.put(
                        (String) rule.get("alert"),
                        (String) map(rule, "annotations").get("description"));
            }
        }
        Map<String, Object> tests = load(DEPLOY.resolve("check/alerts.test.yaml"));
        Set<String> tested = new HashSet<>();
        for (Map<String, Object> test : list(tests, "tests")) {
            for (Map<String, Object> evaluation : list(test, "alert_rule_test")) {
                String alert = (String) evaluation.get("alertname");
                assertThat(descriptions).as("the rules").containsKey(alert);
                tested.add(alert);
                for (Map<String, Object> expected : list(evaluation, "exp_alerts")) {
                    map(expected, "exp_annotations").put("description", descriptions.get(alert));
                }
            }
        }
        assertThat(tested).as("the alerts tested").containsAll(descriptions.keySet());
        return tests;
    }

    private static DeployCheck.Result promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        return DeployCheck.run(command, WORK);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws Exception {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(Files.readString(file));
    }

    private static String dump(Object document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(1000);
        return new Yaml(options).dump(document);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }
}
