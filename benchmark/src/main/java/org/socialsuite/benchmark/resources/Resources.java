package org.socialsuite.benchmark.resources;

import java.util.Map;

/**
 * What each part of the suite used during a phase.
 *
 * @param parts by name: how many processes, the cores kept busy on average (and, of those, by the
 *     JIT compiler's threads), the peak resident set
 * @param machine where the whole machine's CPU went meanwhile
 */
public record Resources(double seconds, Map<String, Part> parts, MachineCpu machine) {

    public record Part(int processes, double cores, double compilerCores, long peakResidentBytes) {}

    /** The share of the JVM services' CPU that went into compiling them (the broker excluded). */
    public double servicesCompilerShare() {
        double cores = 0;
        double compiling = 0;
        for (Map.Entry<String, Part> part : parts.entrySet()) {
            if (!part.getKey().equals("postgresql") && !part.getKey().equals("kafka broker")) {
                cores += part.getValue().cores();
                compiling += part.getValue().compilerCores();
            }
        }
        return cores == 0 ? 0 : compiling / cores;
    }

    /** Shares of the machine's CPU time, 0 to 1 each. */
    public record MachineCpu(double user, double system, double ioWait, double idle) {

        public static MachineCpu between(long[] start, long[] end) {
            if (start.length < 5 || end.length < 5) {
                return new MachineCpu(0, 0, 0, 0);
            }
            long total = 0;
            long[] delta = new long[Math.min(start.length, end.length)];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = end[i] - start[i];
                total += i < 8 ? delta[i] : 0; // guest time is already counted in user
            }
            if (total == 0) {
                return new MachineCpu(0, 0, 0, 0);
            }
            double t = total;
            // user + nice, system + irq + softirq, iowait, idle
            return new MachineCpu(
                    (delta[0] + delta[1]) / t,
                    (delta[2] + delta[5] + delta[6]) / t,
                    delta[4] / t,
                    delta[3] / t);
        }
    }
}
