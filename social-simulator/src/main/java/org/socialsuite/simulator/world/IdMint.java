package org.socialsuite.simulator.world;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.function.LongSupplier;

/**
 * Mints ids the way the networks do: Twitter-style snowflakes (milliseconds since Twitter's epoch
 * in the high bits, a sequence in the low 22), so ids grow with wall-clock time and a restarted
 * simulator never repeats one the suite has already stored. Within a run they only grow, even if
 * the clock steps back.
 *
 * <p>The wall clock, not the world's clock: the console's time travel must not rewind ids.
 */
public final class IdMint {

    private static final long TWITTER_EPOCH_MILLIS = 1288834974657L;
    private static final int SEQUENCE_BITS = 22;

    private final LongSupplier wallClockMillis;
    private long last;

    public IdMint() {
        this(System::currentTimeMillis);
    }

    IdMint(LongSupplier wallClockMillis) {
        this.wallClockMillis = wallClockMillis;
    }

    public synchronized long next() {
        long fromClock = (wallClockMillis.getAsLong() - TWITTER_EPOCH_MILLIS) << SEQUENCE_BITS;
        last = Math.max(last + 1, fromClock);
        return last;
    }

    /** A Messenger message id: {@code m_} and an opaque base64url string, as Messenger's are. */
    public String nextMid() {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(next()).array();
        return "m_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
