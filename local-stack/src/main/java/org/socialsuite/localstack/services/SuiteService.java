package org.socialsuite.localstack.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socialsuite.localstack.FreePorts;

/**
 * One service of the suite as the run command starts it.
 *
 * @param database its own PostgreSQL database, if it keeps state
 * @param portVariable the environment variable that moves it to another port
 */
public record SuiteService(
        String name, int defaultPort, Optional<String> database, String portVariable) {

    public static final List<SuiteService> ALL =
            List.of(
                    new SuiteService("ingest-service", 8081, Optional.empty(), "INGEST_PORT"),
                    new SuiteService(
                            "conversation-service",
                            8082,
                            Optional.of("conversation"),
                            "CONVERSATION_PORT"),
                    new SuiteService(
                            "outbound-service", 8083, Optional.of("outbound"), "OUTBOUND_PORT"),
                    new SuiteService(
                            "profile-service", 8084, Optional.of("profile"), "PROFILE_PORT"),
                    new SuiteService(
                            "account-service", 8085, Optional.of("account"), "ACCOUNT_PORT"),
                    new SuiteService(
                            "insight-service", 8086, Optional.of("insight"), "INSIGHT_PORT"),
                    new SuiteService("social-simulator", 8090, Optional.empty(), "SIMULATOR_PORT"),
                    new SuiteService("agent-workspace", 8080, Optional.empty(), "WORKSPACE_PORT"));

    public static SuiteService named(String name) {
        return ALL.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service named " + name));
    }

    /**
     * The ports the suite would listen on that something else already holds (another suite left
     * running, say), each with what would have used it. A suite started beside another would find
     * the other's services ready on its ports and report itself up while its own could not start.
     */
    public static List<String> portsInUse(Map<String, String> env, boolean ownBroker) {
        List<String> taken = new ArrayList<>();
        for (SuiteService service : ALL) {
            int port = service.port(env);
            if (!FreePorts.bindable(port)) {
                taken.add(port + " (" + service.name() + ", " + service.portVariable() + ")");
            }
        }
        int kafka = Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092"));
        if (ownBroker && !FreePorts.bindable(kafka)) {
            taken.add(kafka + " (the Kafka broker, KAFKA_PORT)");
        }
        return taken;
    }

    /** Where it listens: its port variable if set, else its default port. */
    public int port(Map<String, String> env) {
        return Integer.parseInt(env.getOrDefault(portVariable, Integer.toString(defaultPort)));
    }

    public static List<String> databases() {
        return ALL.stream().flatMap(service -> service.database().stream()).toList();
    }
}
