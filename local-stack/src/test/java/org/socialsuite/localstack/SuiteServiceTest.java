package org.socialsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
