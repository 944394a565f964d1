package org.socialsuite.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * POSIX signals to a process this JVM started: SIGSTOP freezes it (connections stay open and
 * nothing answers, as in a hang or a long GC pause), SIGCONT lets it run again. Fault injection
 * only ever targets our own children.
 */
public final class Signals {

    private Signals() {}

    public static void freeze(Process process, String what) {
        send(process, "-STOP", what);
    }

    public static void thaw(Process process, String what) {
        send(process, "-CONT", what);
    }

    private static void send(Process process, String signal, String what) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(what + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed on " + what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + what, e);
        }
    }
}
