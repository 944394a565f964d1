package org.socialsuite.support.consumer;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies a consumer's work until it is done or fails for a reason of its own. An infrastructure
 * failure is retried with backoff for as long as the service runs (the record is neither
 * acknowledged nor dead-lettered meanwhile, so its offset is not committed and the partition waits
 * in order). Once the service is stopping, such work, and any work that fails then, is abandoned:
 * it never completes, its offsets are never committed, and the records go to whichever instance
 * takes the partition next.
 */
@ApplicationScoped
public class UntilApplied {

    private static final Logger LOG = Logger.getLogger(UntilApplied.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** The work's outcome; fails only with a failure of the work's own. */
    public <T> Uni<T> run(String what, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom()
                .<T>deferred(work)
                .onFailure(this::retryable)
                .invoke(
                        failure ->
                                LOG.warnf(
                                        "%s failed on the infrastructure (%s); retrying",
                                        what, failure.toString()))
                .onFailure(this::retryable)
                .retry()
                .withBackOff(FIRST_RETRY, LONGEST_WAIT)
                .indefinitely()
                .onFailure(this::abandoned)
                .recoverWithUni(
                        failure -> {
                            LOG.infof(
                                    "%s abandoned at shutdown (%s); its records stay uncommitted",
                                    what, failure.toString());
                            return Uni.createFrom().nothing();
                        });
    }

    /**
     * Once the service is stopping, no failure is the record's own: the session, the pool and the
     * clients are being closed under the work ("Session/EntityManager is closed"). Such work is
     * left uncommitted for the next owner, which dead-letters a record only if it fails there too.
     */
    private boolean abandoned(Throwable failure) {
        return stopping || InfrastructureFailure.isInfrastructure(failure);
    }

    private boolean retryable(Throwable failure) {
        return !stopping && InfrastructureFailure.isInfrastructure(failure);
    }
}
