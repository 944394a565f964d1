package org.socialsuite.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of the broker's own JVM. It runs Kafka and dies with its parent: the parent holds
 * this process's stdin, so end-of-file there means the parent is gone, even if it was killed
 * without a chance to clean up.
 */
public final class BrokerProcess {

    private BrokerProcess() {}

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(BrokerProcess::exitWhenParentDies, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentDies() {
        InputStream parent = System.in;
        try {
            while (parent.read() != -1) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end-of-file.
        }
        System.exit(0);
    }
}
