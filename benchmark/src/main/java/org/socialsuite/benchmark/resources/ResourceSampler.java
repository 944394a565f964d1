package org.socialsuite.benchmark.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU and resident memory of each part of the suite over a phase of the benchmark, from {@code
 * /proc}: CPU as the cores a part kept busy on average, and how much of it its JIT compiler threads
 * took (a JVM compiles for minutes after a start); memory as the largest resident set seen. Call
 * {@link #sample()} about once a second while the phase runs.
 */
public final class ResourceSampler {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final long PAGE_BYTES = 4096;

    private final Map<String, Usage> usage = new LinkedHashMap<>();
    private Map<String, List<Long>> groups;
    private long startNanos;
    private long[] machineStart;

    /** Starts the phase: finds the processes and reads where their CPU clocks stand. */
    public void start() {
        groups = SuiteProcesses.find();
        startNanos = System.nanoTime();
        machineStart = machineTicks();
        groups.forEach(
                (name, pids) -> usage.put(name, new Usage(cpuTicks(pids), compilerTicks(pids))));
        sample();
    }

    public void sample() {
        groups.forEach(
                (name, pids) ->
                        usage.get(name)
                                .seen(cpuTicks(pids), compilerTicks(pids), residentBytes(pids)));
    }

    /** The phase's figures; the machine's own CPU split tells how much went to the kernel. */
    public Resources finish() {
        sample();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Resources.Part> parts = new LinkedHashMap<>();
        usage.forEach(
                (name, u) ->
                        parts.put(
                                name,
                                new Resources.Part(
                                        groups.get(name).size(),
                                        (u.lastTicks - u.firstTicks) / TICKS_PER_SECOND / seconds,
                                        (u.lastCompiler - u.firstCompiler)
                                                / TICKS_PER_SECOND
                                                / seconds,
                                        u.peakResident)));
        long[] machineEnd = machineTicks();
        return new Resources(
                seconds, parts, Resources.MachineCpu.between(machineStart, machineEnd));
    }

    private static long cpuTicks(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            ticks += statTicks(Path.of("/proc", Long.toString(pid), "stat"));
        }
        return ticks;
    }

    /**
     * The CPU of HotSpot's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…"). A compiler
     * thread HotSpot retires takes its time with it, so this can only undercount.
     */
    private static long compilerTicks(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : threads.toList()) {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        ticks += statTicks(thread.resolve("stat"));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // ended meanwhile, or not a JVM
            }
        }
        return ticks;
    }

    /** utime + stime of a process or thread; 0 once it has ended. */
    private static long statTicks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // After the command's closing parenthesis: state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // The process ended (a PostgreSQL backend, say): its time is gone with it.
        }
    }

    /**
     * The proportional set size where the kernel gives it: pages shared by several processes (all
     * of PostgreSQL's shared buffers) count once across them, not once per backend.
     */
    private static long residentBytes(List<Long> pids) {
        long bytes = 0;
        for (long pid : pids) {
            Path dir = Path.of("/proc", Long.toString(pid));
            try {
                bytes += proportional(Files.readAllLines(dir.resolve("smaps_rollup")));
            } catch (IOException | RuntimeException e) {
                try {
                    String statm = Files.readString(dir.resolve("statm"));
                    bytes += Long.parseLong(statm.split(" ")[1]) * PAGE_BYTES;
                } catch (IOException | RuntimeException ended) {
                    // ended meanwhile
                }
            }
        }
        return bytes;
    }

    private static long proportional(List<String> smapsRollup) {
        for (String line : smapsRollup) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no Pss line");
    }

    /** The machine's first {@code cpu} line of /proc/stat: user, nice, system, idle, iowait, … */
    private static long[] machineTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = line.trim().split("\\s+");
            long[] ticks = new long[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                ticks[i - 1] = Long.parseLong(fields[i]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static final class Usage {
        final long firstTicks;
        final long firstCompiler;
        long lastTicks;
        long lastCompiler;
        long peakResident;

        Usage(long ticks, long compilerTicks) {
            firstTicks = ticks;
            lastTicks = ticks;
            firstCompiler = compilerTicks;
            lastCompiler = compilerTicks;
        }

        void seen(long ticks, long compilerTicks, long resident) {
            lastTicks = ticks;
            lastCompiler = Math.max(lastCompiler, compilerTicks);
            peakResident = Math.max(peakResident, resident);
        }
    }
}
