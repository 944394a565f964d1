package org.socialsuite.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Topics;

/** The topics the run command and every test broker create, as a real broker reports them. */
class SuiteTopicsTest {

    @Test
    void eventTopicsKeepTheirRecordsForATimeAndStateTopicsAreCompacted() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestKafka.bootstrapServers()))) {
            List<ConfigResource> topics =
                    List.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACCOUNT),
                            new ConfigResource(ConfigResource.Type.TOPIC, Topics.INBOUND));
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(topics).all().get(60, TimeUnit.SECONDS);

            assertThat(configs.get(topics.get(0)).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(configs.get(topics.get(1)).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }
}
