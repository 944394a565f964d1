package org.socialsuite.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.socialsuite.localstack.postgres.PostgresServer;

/**
 * What the benchmark drives and how hard, from the environment: the suite's addresses as the run
 * command uses them, and the sizes of each phase.
 */
record Settings(
        String ingestUrl,
        String conversationUrl,
        String bootstrapServers,
        PostgresServer postgres,
        String facebookAppSecret,
        int warmUpEvents,
        int warmUpRounds,
        double warmUpSettledShare,
        int events,
        int eventsPerWebhook,
        int connections,
        int singleEventConnections,
        int consumers,
        int latencyRate,
        int latencySeconds,
        List<Integer> historySizes,
        int historySamples) {

    static Settings from(Map<String, String> env) {
        return new Settings(
                env.getOrDefault("INGEST_URL", "http://127.0.0.1:8081"),
                env.getOrDefault("CONVERSATION_URL", "http://127.0.0.1:8082"),
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                PostgresServer.fromEnvironment(env),
                // The demo app secret (DESIGN.md §7), as ./run.sh's ingest-service uses it.
                env.getOrDefault("FACEBOOK_APP_SECRET", "dev-facebook-app-secret"),
                number(env, "BENCH_WARMUP_EVENTS", 20_000),
                number(env, "BENCH_WARMUP_ROUNDS", 20),
                // Settled when the services' JIT compilers take under this share of their CPU.
                number(env, "BENCH_WARMUP_JIT_PERCENT", 15) / 100.0,
                number(env, "BENCH_EVENTS", 100_000),
                number(env, "BENCH_EVENTS_PER_WEBHOOK", 50),
                number(env, "BENCH_CONNECTIONS", 16),
                // Deliveries of one event each arrive side by side, as Meta sends them.
                number(env, "BENCH_SINGLE_EVENT_CONNECTIONS", 64),
                number(env, "BENCH_CONSUMERS", 5_000),
                number(env, "BENCH_LATENCY_RATE", 1_000),
                number(env, "BENCH_LATENCY_SECONDS", 60),
                Arrays.stream(env.getOrDefault("BENCH_HISTORY", "10,10000").split(","))
                        .map(String::trim)
                        .filter(size -> !size.isEmpty())
                        .map(Integer::parseInt)
                        .sorted()
                        .toList(),
                number(env, "BENCH_HISTORY_SAMPLES", 50));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, Integer.toString(fallback)));
    }
}
