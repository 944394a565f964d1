package org.socialsuite.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdMintTest {

    private static final long NOV_30_2026 = 1_796_000_000_000L;

    @Test
    void aRestartedMintNeverRepeatsAnIdOfTheRunBefore() {
        AtomicLong wallClock = new AtomicLong(NOV_30_2026);
        IdMint firstRun = new IdMint(wallClock::get);
        long lastOfFirstRun = 0;
        for (int i = 0; i < 10_000; i++) {
            lastOfFirstRun = firstRun.next();
        }

        wallClock.addAndGet(1_000); // the restart takes a second
        IdMint secondRun = new IdMint(wallClock::get);

        assertThat(secondRun.next()).isGreaterThan(lastOfFirstRun);
    }

    @Test
    void idsOnlyGrowWithinARunEvenWhenTheClockStepsBack() {
        AtomicLong wallClock = new AtomicLong(NOV_30_2026);
        IdMint mint = new IdMint(wallClock::get);
        long before = mint.next();

        wallClock.addAndGet(-60_000);

        assertThat(mint.next()).isGreaterThan(before);
    }

    @Test
    void idsLookLikeTheNetworks() {
        IdMint mint = new IdMint(() -> NOV_30_2026);

        assertThat(Long.toString(mint.next())).hasSize(19); // a 2026 tweet id
        assertThat(mint.nextMid()).matches("m_[A-Za-z0-9_-]{11}");
        assertThat(mint.nextMid()).isNotEqualTo(mint.nextMid());
    }
}
