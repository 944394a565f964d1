package org.socialsuite.benchmark.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spent its CPU during a recording: the JDK's Flight Recorder samples each running
 * thread's stack every 10-20 ms ({@code jdk.ExecutionSample}); this counts, per recording, the
 * methods on top of the stack (self), the methods anywhere on it (total), and the threads. JDK 17
 * has no {@code jfr view}; this is the part of it the benchmark needs, with nothing to install.
 *
 * <p>{@code java -cp benchmark.jar org.socialsuite.benchmark.profile.HotMethods x.jfr [top]}
 */
public final class HotMethods {

    private HotMethods() {}

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Profile profile = Profile.read(Path.of(args[0]));
        System.out.print(profile.report(top));
    }

    /** The counted samples of one recording. */
    record Profile(
            int samples,
            Map<String, Integer> self,
            Map<String, Integer> total,
            Map<String, Integer> components,
            Map<String, Integer> threads) {

        static Profile read(Path recording) throws IOException {
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> total = new HashMap<>();
            Map<String, Integer> components = new HashMap<>();
            Map<String, Integer> threads = new HashMap<>();
            int samples = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                components.merge(component(frames.get(0)), 1, Integer::sum);
                Set<String> onStack = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    if (onStack.add(name(frame))) {
                        total.merge(name(frame), 1, Integer::sum);
                    }
                }
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(threadGroup(thread), 1, Integer::sum);
            }
            return new Profile(samples, self, total, components, threads);
        }

        String report(int top) {
            StringBuilder out = new StringBuilder();
            out.append("samples: ").append(samples).append('\n');
            section(out, "threads", threads, top);
            section(out, "self, by library (the package of the method on top)", components, top);
            section(out, "self (on top of the stack)", self, top);
            section(
                    out,
                    "total, our code (anywhere on the stack)",
                    only(total, "org.socialsuite."),
                    top);
            section(out, "total, Hibernate", only(total, "org.hibernate."), top);
            section(out, "total, everything", total, top);
            return out.toString();
        }

        private void section(
                StringBuilder out, String title, Map<String, Integer> counts, int top) {
            out.append("\n## ").append(title).append('\n');
            List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
            sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            for (Map.Entry<String, Integer> entry :
                    sorted.subList(0, Math.min(top, sorted.size()))) {
                out.append(
                        String.format(
                                "%6.1f%%  %s%n",
                                100.0 * entry.getValue() / Math.max(1, samples), entry.getKey()));
            }
        }

        private static Map<String, Integer> only(Map<String, Integer> counts, String prefix) {
            Map<String, Integer> matching = new HashMap<>(counts);
            matching.keySet().removeIf(name -> !name.startsWith(prefix));
            return matching;
        }

        /** The first three segments of the package: io.vertx.pgclient, org.hibernate.engine, … */
        private static String component(RecordedFrame frame) {
            String[] parts = frame.getMethod().getType().getName().split("\\.");
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
        }

        private static String name(RecordedFrame frame) {
            return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        }

        /** Thread names without their numbers: the event loops together, Kafka's together. */
        private static String threadGroup(RecordedThread thread) {
            return thread == null ? "?" : thread.getJavaName().replaceAll("-?\\d+$", "");
        }
    }
}
