package org.socialsuite.e2e;

import io.restassured.RestAssured;
import io.restassured.config.SSLConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socialsuite.localstack.FreePorts;
import org.socialsuite.localstack.services.ServiceProcess;
import org.socialsuite.localstack.services.SuiteService;
import org.socialsuite.localstack.services.SuiteWiring;
import org.socialsuite.testsupport.RequiredTools;
import org.socialsuite.testsupport.gateway.NginxGateway;
import org.socialsuite.testsupport.gateway.TestCertificate;
import org.socialsuite.testsupport.tracing.TraceCollector;

/**
 * Every service, the social-network simulator and the agent workspace, wired as the run command
 * wires them, started once for all end-to-end tests and stopped with the JVM. One suite at a time:
 * two would share the test broker's consumer groups and take each other's records. Every service
 * traces all it does and exports it to the suite's {@link TraceCollector}, and logs JSON lines, as
 * in production.
 */
final class SimulatedSuite {

    private static SimulatedSuite running;

    private final RunningSuite suite;
    final ServiceProcess ingest;
    volatile ServiceProcess simulator;
    volatile ServiceProcess conversations;
    final ServiceProcess profiles;
    final ServiceProcess outbound;
    final ServiceProcess accounts;
    final ServiceProcess insights;
    final ServiceProcess workspace;
    final TraceCollector traces;
    private final Map<String, String> wiring;
    private NginxGateway gateway;

    /**
     * The run command's own wiring ({@link SuiteWiring}) on free ports, so what run.sh connects is
     * what these tests exercise; only the databases are the suite's own.
     */
    private SimulatedSuite(RunningSuite suite, TraceCollector traces) {
        this.suite = suite;
        this.traces = traces;
        Map<String, String> ports = new HashMap<>();
        SuiteService.ALL.forEach(
                service -> ports.put(service.portVariable(), Integer.toString(FreePorts.next())));
        wiring = new HashMap<>(SuiteWiring.addresses(ports));
        wiring.putAll(traces.environment());
        // Logged as in production: JSON lines, with the trace and span ids of the work.
        wiring.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        ingest = suite.start("ingest-service", port("ingest-service", ports), wiring);
        simulator = suite.start("social-simulator", port("social-simulator", ports), wiring);
        conversations =
                suite.startWithDatabase(
                        "conversation-service",
                        "e2e_loop_conversation",
                        port("conversation-service", ports),
                        withShortTargets(wiring));
        outbound =
                suite.startWithDatabase(
                        "outbound-service",
                        "e2e_loop_outbound",
                        port("outbound-service", ports),
                        wiring);
        profiles =
                suite.startWithDatabase(
                        "profile-service",
                        "e2e_loop_profile",
                        port("profile-service", ports),
                        wiring);
        accounts =
                suite.startWithDatabase(
                        "account-service",
                        "e2e_loop_account",
                        port("account-service", ports),
                        wiring);
        insights =
                suite.startWithDatabase(
                        "insight-service",
                        "e2e_loop_insight",
                        port("insight-service", ports),
                        wiring);
        workspace = suite.start("agent-workspace", port("agent-workspace", ports), wiring);
        suite.awaitReady();
    }

    /**
     * AcmeCare's Direct Messages are due within 10 s here, so a story can watch a countdown run
     * out; every other target is the shipped one.
     */
    private static Map<String, String> withShortTargets(Map<String, String> wiring) {
        try {
            Path targets = Files.createTempFile("response-targets", ".properties");
            targets.toFile().deleteOnExit();
            Files.writeString(
                    targets, "conversation.response-targets.acme.twitter-private.first=PT10S\n");
            Map<String, String> environment = new HashMap<>(wiring);
            environment.put("QUARKUS_CONFIG_LOCATIONS", targets.toUri().toString());
            return environment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(String service, Map<String, String> ports) {
        return SuiteService.named(service).port(ports);
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

    /**
     * One more ingest-service, wired as the first, started now and ready; stop it with {@link
     * #stop}.
     */
    synchronized ServiceProcess startIngestReplica() {
        ServiceProcess replica = suite.start("ingest-service", wiring);
        suite.awaitReady();
        return replica;
    }

    synchronized void stop(ServiceProcess replica) {
        suite.stop(replica);
    }

    /**
     * Stops conversation-service (its agents' live streams end), does what happens meanwhile, and
     * starts it again on the same address.
     */
    synchronized ServiceProcess restartConversations(Runnable whileDown) {
        conversations = suite.restart(conversations, whileDown);
        suite.awaitReady();
        return conversations;
    }

    /**
     * The Kubernetes gateway's stand-in in front of this suite: nginx playing deploy/base/gateway's
     * Gateway, TLS ending at its HTTPS listener with a test certificate (which REST Assured trusts
     * from then on), each listener serving its HTTPRoutes, each Service being one of these
     * processes. Without nginx the calling test is skipped, unless GATEWAY_TESTS=required (as in
     * CI, which installs it), where that is a failure.
     */
    synchronized NginxGateway gateway() {
        if (gateway == null) {
            RequiredTools.assumeInstalled(
                    NginxGateway.installed(), "GATEWAY_TESTS", "apt-get install nginx-light");
            Path gatewayFiles = Path.of("..", "deploy", "base", "gateway").toAbsolutePath();
            gateway =
                    NginxGateway.start(
                            List.of(
                                    gatewayFiles.resolve("gateway.yaml"),
                                    gatewayFiles.resolve("routes.yaml")),
                            Map.of(
                                    "ingest-service", address(ingest),
                                    "conversation-service", address(conversations),
                                    "outbound-service", address(outbound),
                                    "profile-service", address(profiles),
                                    "account-service", address(accounts),
                                    "insight-service", address(insights),
                                    "agent-workspace", address(workspace)),
                            Path.of("target", "gateway").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-stop"));
            RestAssured.config =
                    RestAssured.config()
                            .sslConfig(
                                    SSLConfig.sslConfig()
                                            .trustStore(
                                                    gateway.certificate().trustStore().toString(),
                                                    TestCertificate.PASSWORD)
                                            .trustStoreType("PKCS12"));
        }
        return gateway;
    }

    /** host:port, which stays the same when a service is restarted in place. */
    private static String address(ServiceProcess service) {
        return service.baseUrl().replaceFirst("^http://", "");
    }

    static synchronized SimulatedSuite get() {
        if (running == null) {
            RunningSuite suite = new RunningSuite();
            TraceCollector traces = TraceCollector.start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        suite.close();
                                        traces.close();
                                    },
                                    "suite-stop"));
            running = new SimulatedSuite(suite, traces);
        }
        return running;
    }
}
