package org.socialsuite.e2e;

import java.util.Map;
import org.socialsuite.localstack.services.ServiceProcess;

/**
 * Every service, the social-network simulator and the agent workspace, wired as the run command
 * wires them, started once for all end-to-end tests and stopped with the JVM. One suite at a time:
 * two would share the test broker's consumer groups and take each other's records.
 */
final class SimulatedSuite {

    private static SimulatedSuite running;

    private final RunningSuite suite;
    final ServiceProcess ingest;
    volatile ServiceProcess simulator;
    final ServiceProcess conversations;
    final ServiceProcess profiles;
    final ServiceProcess outbound;
    final ServiceProcess workspace;

    private SimulatedSuite(RunningSuite suite) {
        this.suite = suite;
        ingest = suite.start("ingest-service", Map.of());
        simulator =
                suite.start("social-simulator", Map.of("SIMULATOR_INGEST_URL", ingest.baseUrl()));
        Map<String, String> networks =
                Map.of(
                        "SOCIAL_FACEBOOK_GRAPH_URL", simulator.baseUrl() + "/facebook",
                        "SOCIAL_TWITTER_API_URL", simulator.baseUrl() + "/twitter");
        conversations = suite.startWithDatabase("conversation-service", "e2e_loop_conversation");
        outbound = suite.startWithDatabase("outbound-service", "e2e_loop_outbound", networks);
        profiles = suite.startWithDatabase("profile-service", "e2e_loop_profile", networks);
        workspace =
                suite.start(
                        "agent-workspace",
                        Map.of(
                                "INGEST_SERVICE_URL", ingest.baseUrl(),
                                "CONVERSATION_SERVICE_URL", conversations.baseUrl(),
                                "OUTBOUND_SERVICE_URL", outbound.baseUrl(),
                                "PROFILE_SERVICE_URL", profiles.baseUrl()));
        suite.awaitReady();
    }

    /**
     * Stops the simulator and starts it again on the same address, as a second {@code ./run.sh}
     * would: a fresh world in memory, while the suite's databases keep everything.
     */
    synchronized ServiceProcess restartSimulator() {
        simulator = suite.restart(simulator);
        suite.awaitReady();
        return simulator;
    }

    static synchronized SimulatedSuite get() {
        if (running == null) {
            RunningSuite suite = new RunningSuite();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "suite-stop"));
            running = new SimulatedSuite(suite);
        }
        return running;
    }
}
