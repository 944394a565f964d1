package org.socialsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socialsuite.localstack.services.SuiteService;

/** The run command starts every application that run.sh builds, each on a port of its own. */
class SuiteServiceTest {

    @Test
    void everyApplicationRunShBuildsIsStartedOnItsOwnPort() throws IOException {
        Matcher modules =
                Pattern.compile("(?m)^modules=\\(([^)]*)\\)")
                        .matcher(Files.readString(Path.of("../run.sh")));
        assertThat(modules.find()).as("run.sh lists its modules").isTrue();
        List<String> applications =
                List.of(modules.group(1).trim().split("\\s+")).stream()
                        .filter(module -> !module.equals("local-stack"))
                        .toList();

        assertThat(SuiteService.ALL)
                .extracting(SuiteService::name)
                .containsExactlyInAnyOrderElementsOf(applications);
        assertThat(SuiteService.ALL).extracting(SuiteService::defaultPort).doesNotHaveDuplicates();
        assertThat(SuiteService.ALL).extracting(SuiteService::portVariable).doesNotHaveDuplicates();
    }

    @Test
    void aPortAlreadyTakenIsReportedWithWhatWouldHaveUsedIt() throws IOException {
        int ingest = FreePorts.next();
        int kafka = FreePorts.next();
        Map<String, String> env = new HashMap<>();
        env.put("INGEST_PORT", Integer.toString(ingest));
        env.put("KAFKA_PORT", Integer.toString(kafka));
        for (SuiteService service : SuiteService.ALL) {
            env.putIfAbsent(service.portVariable(), Integer.toString(FreePorts.next()));
        }
        assertThat(SuiteService.portsInUse(env, true)).isEmpty();

        try (ServerSocket other = new ServerSocket(ingest, 1, InetAddress.getLoopbackAddress());
                ServerSocket broker =
                        new ServerSocket(kafka, 1, InetAddress.getLoopbackAddress())) {
            assertThat(SuiteService.portsInUse(env, true))
                    .containsExactly(
                            ingest + " (ingest-service, INGEST_PORT)",
                            kafka + " (the Kafka broker, KAFKA_PORT)");
            // With a Kafka cluster of its own, the broker's port is none of the suite's business.
            assertThat(SuiteService.portsInUse(env, false))
                    .containsExactly(ingest + " (ingest-service, INGEST_PORT)");
        }
    }
}
