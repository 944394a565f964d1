package org.socialsuite.benchmark.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.socialsuite.localstack.services.SuiteService;

/**
 * The processes of the running suite on this machine, grouped as the report names them: each
 * service's JVM, the Kafka broker's JVM and PostgreSQL (its postmaster and every backend). Read
 * from {@code /proc}, so it sees what {@code ./run.sh} started without being told its process ids.
 */
final class SuiteProcesses {

    private SuiteProcesses() {}

    /** Group name → the process ids in it now (a group may be empty). */
    static Map<String, List<Long>> find() {
        Map<String, Predicate<ProcessInfo>> groups = new LinkedHashMap<>();
        for (SuiteService service : SuiteService.ALL) {
            String jar = service.name() + "/target/quarkus-app/quarkus-run.jar";
            groups.put(service.name(), p -> p.commandLine().contains(jar));
        }
        groups.put("kafka broker", p -> p.commandLine().contains("BrokerProcess"));
        groups.put("postgresql", p -> p.name().equals("postgres"));
        Map<String, List<Long>> found = new LinkedHashMap<>();
        groups.keySet().forEach(name -> found.put(name, new ArrayList<>()));
        for (ProcessInfo process : all()) {
            groups.forEach(
                    (name, member) -> {
                        if (member.test(process)) {
                            found.get(name).add(process.pid());
                        }
                    });
        }
        return found;
    }

    private static List<ProcessInfo> all() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(SuiteProcesses::read)
                    .filter(info -> info != null)
                    .toList();
        } catch (IOException e) {
            return List.of(); // not Linux: the report says no process was found
        }
    }

    private static ProcessInfo read(String pid) {
        try {
            Path dir = Path.of("/proc", pid);
            String commandLine =
                    new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
            String name = Files.readString(dir.resolve("comm")).trim();
            return new ProcessInfo(Long.parseLong(pid), name, commandLine);
        } catch (IOException | RuntimeException e) {
            return null; // ended while we looked, or not ours to read
        }
    }

    private record ProcessInfo(long pid, String name, String commandLine) {}
}
