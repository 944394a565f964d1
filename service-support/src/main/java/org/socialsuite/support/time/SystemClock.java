package org.socialsuite.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The time the services judge their rules at (reply windows, cache expiry, response targets,
 * silences): the system's, in UTC. Tests stand it where they need it (test-support's TestClock, an
 * alternative that replaces this default bean).
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
