package org.socialsuite.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socialsuite.deployment.DeployCheck.DEPLOY;
import static org.socialsuite.deployment.DeployCheck.ROOT;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.YamlDocuments;

/**
 * deploy/: both overlays render, and what they render is what Kubernetes and the operators accept.
 */
class DeploymentManifestsTest {

    private static final List<String> APPLICATIONS =
            List.of(
                    "ingest-service",
                    "conversation-service",
                    "outbound-service",
                    "profile-service",
                    "account-service",
                    "insight-service",
                    "agent-workspace");

    @Test
    void bothOverlaysRenderAndEveryDocumentIsOfItsPublishedType() throws Exception {
        Path local = DeployCheck.render("local");
        Path prod = DeployCheck.render("prod");

        DeployCheck.Result check = DeployCheck.validate(local, prod);

        assertThat(check.status()).as(check.output()).isZero();
        assertThat(YamlDocuments.read(List.of(prod)))
                .extracting(d -> d.get("kind"))
                .contains(
                        "Deployment",
                        "Gateway",
                        "HTTPRoute",
                        "Kafka",
                        "KafkaTopic",
                        "Cluster",
                        "ScaledObject",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget");
    }

    @Test
    void theCheckRefusesAnUnknownFieldAMissingFieldAndAWrongType() throws Exception {
        Path broken = Path.of("target/broken.yaml").toAbsolutePath();
        Files.writeString(
                broken,
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  replicas: two
                  template:
                    spec:
                      containers:
                        - name: app
                          image: app
                          imagePullPolcy: Always
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: broken
                spec:
                  partitions: 12
                  replicaz: 3
                ---
                apiVersion: example.com/v1
                kind: Unheard
                metadata:
                  name: broken
                """);

        DeployCheck.Result check = DeployCheck.validate(broken);

        assertThat(check.status()).isEqualTo(1);
        assertThat(check.output())
                .contains("unknown field \"imagePullPolcy\"")
                .contains("unknown field \"replicaz\"")
                .contains("must have required property selector")
                .contains("Type 'string' is not assignable to type 'number'")
                .contains("example.com/v1 Unheard broken: no published type");
    }

    @Test
    void theGeneratedManifestsAreCommittedAsTheBuildWritesThem() throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "status", "--porcelain", "--"));
        APPLICATIONS.forEach(app -> command.add("deploy/base/" + app + "/kubernetes.yml"));
        command.add("deploy/overlays/local/social-simulator/kubernetes.yml");

        DeployCheck.Result status = DeployCheck.run(command, ROOT);

        assertThat(status.status()).as(status.output()).isZero();
        assertThat(status.output())
                .as(
                        "packaging regenerated these manifests; commit them with the change that"
                                + " altered them")
                .isBlank();
    }

    @Test
    void everyTopicAndItsDeadLetterTwinIsDeclared() throws Exception {
        List<String> declared =
                names(YamlDocuments.read(List.of(DeployCheck.render("prod"))), "KafkaTopic");

        for (String topic : Topics.ALL) {
            assertThat(declared).contains(topic, Topics.deadLetter(topic));
        }
    }

    @Test
    void theStateTopicsAreDeclaredCompacted() throws Exception {
        List<Map<String, Object>> topics =
                of(YamlDocuments.read(List.of(DeployCheck.render("prod"))), "KafkaTopic");

        for (String topic : Topics.COMPACTED) {
            assertThat(topics)
                    .filteredOn(t -> topic.equals(map(t, "metadata").get("name")))
                    .singleElement()
                    .satisfies(
                            t ->
                                    assertThat(map(map(t, "spec"), "config"))
                                            .containsEntry("cleanup.policy", "compact"));
        }
    }

    @Test
    void eachScaledConsumerIsScaledOnAGroupAndTopicItReallyConsumes() throws Exception {
        List<Map<String, Object>> rendered =
                YamlDocuments.read(List.of(DeployCheck.render("prod")));

        List<Map<String, Object>> scalers = of(rendered, "ScaledObject");
        assertThat(scalers).isNotEmpty();
        for (Map<String, Object> scaler : scalers) {
            String service = (String) map(map(scaler, "spec"), "scaleTargetRef").get("name");
            @SuppressWarnings("unchecked")
            Map<String, Object> trigger =
                    (Map<String, Object>) ((List<?>) map(scaler, "spec").get("triggers")).get(0);
            Map<String, Object> metadata = map(trigger, "metadata");
            Properties config = applicationProperties(service);
            assertThat(consumes(config, metadata.get("consumerGroup"), metadata.get("topic")))
                    .as(
                            "%s is scaled on group %s of %s",
                            service, metadata.get("consumerGroup"), metadata.get("topic"))
                    .isTrue();
            int partitions = partitionsOf(rendered, (String) metadata.get("topic"));
            assertThat((Integer) map(scaler, "spec").get("maxReplicaCount"))
                    .as("replicas beyond the partitions would own none")
                    .isLessThanOrEqualTo(partitions);
        }
    }

    @Test
    void theLocalOverlaysDemoValuesAreTheRunCommandsOwn() throws IOException {
        Path local = DEPLOY.resolve("overlays/local");

        assertThat(local.resolve("dev-agent-jwt-public.pem"))
                .hasSameTextualContentAs(ROOT.resolve("config/dev-keys/agent-jwt-public.pem"));
        assertThat(local.resolve("demo-accounts.properties"))
                .hasSameTextualContentAs(
                        ROOT.resolve(
                                "service-support/src/main/resources/demo-accounts.properties"));
    }

    private static boolean consumes(Properties config, Object group, Object topic) {
        return config.stringPropertyNames().stream()
                .filter(
                        key ->
                                key.startsWith("mp.messaging.incoming.")
                                        && key.endsWith(".group.id"))
                .filter(key -> group.equals(config.getProperty(key)))
                .map(key -> key.substring(0, key.length() - ".group.id".length()) + ".topic")
                .anyMatch(key -> topic.equals(config.getProperty(key)));
    }

    private static int partitionsOf(List<Map<String, Object>> rendered, String topic) {
        return of(rendered, "KafkaTopic").stream()
                .filter(t -> topic.equals(map(t, "metadata").get("name")))
                .map(t -> (Integer) map(t, "spec").get("partitions"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic " + topic));
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader =
                Files.newBufferedReader(
                        ROOT.resolve(service)
                                .resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> rendered, String kind) {
        return rendered.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static List<String> names(List<Map<String, Object>> rendered, String kind) {
        return of(rendered, kind).stream()
                .map(d -> (String) map(d, "metadata").get("name"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
