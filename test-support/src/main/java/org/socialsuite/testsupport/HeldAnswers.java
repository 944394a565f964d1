package org.socialsuite.testsupport;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock extension that keeps a stub's answer back until the test lets it go: a network call
 * stays in flight exactly as long as the test needs (say, until every concurrent request has
 * arrived), instead of for a fixed delay that a loaded machine may outrun. Only stubs that name
 * {@link #NAME} in {@code withTransformers} are held; never longer than a minute.
 */
public final class HeldAnswers implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "held-answer";

    private static volatile CountDownLatch gate = new CountDownLatch(0);
    private static final AtomicInteger held = new AtomicInteger();

    /** From now on, held stubs answer only after {@link #release()}. */
    public static void hold() {
        gate = new CountDownLatch(1);
    }

    public static void release() {
        gate.countDown();
    }

    /** Calls waiting for their answer now (WireMock journals a call only once it is answered). */
    public static int held() {
        return held.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        held.incrementAndGet();
        try {
            gate.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
        return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
