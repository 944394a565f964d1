package org.socialsuite.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nothing listens on right now, for brokers and services that must not collide. Taken below
 * the kernel's ephemeral range (32768 and up on Linux), so no outgoing connection can take it
 * between the pick and the bind, which may be seconds later when a suite's ports are chosen up
 * front; never the same one twice in this JVM.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;
    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {}

    public static synchronized int next() {
        int span = LAST - FIRST + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = FIRST + (start + i) % span;
            if (!handedOut.contains(port) && bindable(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + FIRST + " and " + LAST);
    }

    /** Whether nothing listens on the port of the loopback address. */
    public static boolean bindable(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
