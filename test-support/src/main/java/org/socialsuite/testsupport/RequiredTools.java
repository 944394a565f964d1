package org.socialsuite.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a tool of the machine (Chromium, nginx, promtool): skipped with a note where it
 * is not installed, a failure where the environment says it is required (CI installs them all).
 */
public final class RequiredTools {

    private RequiredTools() {}

    /**
     * @param variable the environment variable that, set to {@code required}, forbids skipping
     * @param install how to install the tool, for the note
     */
    public static void assumeInstalled(boolean installed, String variable, String install) {
        if (!installed && "required".equals(System.getenv(variable))) {
            throw new IllegalStateException(variable + "=required but this is missing: " + install);
        }
        Assumptions.assumeTrue(installed, install + " to run this test");
    }
}
