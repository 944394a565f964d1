package org.socialsuite.benchmark.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Two running counts read once a second while a phase runs (events accepted by ingest, messages
 * stored and announced), and anything else that wants the same beat, such as the resource sampler.
 */
public final class Timeline implements AutoCloseable {

    /** Seconds since the start, and both counts then. */
    public record Point(double seconds, long accepted, long recorded) {}

    private final List<Point> points = new ArrayList<>();
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();
    private final long start = System.nanoTime();

    public Timeline(LongSupplier accepted, LongSupplier recorded, Runnable alsoEachSecond) {
        beat.scheduleAtFixedRate(
                () -> {
                    Point point =
                            new Point(
                                    (System.nanoTime() - start) / 1e9,
                                    accepted.getAsLong(),
                                    recorded.getAsLong());
                    synchronized (points) {
                        points.add(point);
                    }
                    alsoEachSecond.run();
                },
                0,
                1,
                TimeUnit.SECONDS);
    }

    public List<Point> points() {
        synchronized (points) {
            return List.copyOf(points);
        }
    }

    @Override
    public void close() throws InterruptedException {
        beat.shutdown();
        beat.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Per-second rates between consecutive points: {seconds, accepted/s, recorded/s}. */
    public static List<double[]> rates(List<Point> points) {
        List<double[]> rates = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            double span = b.seconds() - a.seconds();
            rates.add(
                    new double[] {
                        b.seconds(),
                        (b.accepted() - a.accepted()) / span,
                        (b.recorded() - a.recorded()) / span
                    });
        }
        return rates;
    }
}
