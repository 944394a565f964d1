package org.socialsuite.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.socialsuite.benchmark.report.Percentiles;
import org.socialsuite.benchmark.webhook.MessengerBatches;

class BenchmarkPartsTest {

    @Test
    void aBatchIsMessengersWireFormatSignedAsMetaSignsIt() {
        MessengerBatches.Webhook webhook =
                new MessengerBatches("t1", 10, "dev-facebook-app-secret")
                        .batch(9, 2, 1767225600000L);

        assertThat(new String(webhook.body(), StandardCharsets.UTF_8))
                .isEqualTo(
                        """
                        {"object":"page","entry":[{"id":"1000001","time":1767225600000,"messaging":[{"sender":{"id":"764509"},"recipient":{"id":"1000001"},"timestamp":1767225600000,"message":{"mid":"m_t1_9","text":"bench t1 #9: my order has not arrived, can you check where it is?"}},{"sender":{"id":"764500"},"recipient":{"id":"1000001"},"timestamp":1767225600000,"message":{"mid":"m_t1_10","text":"bench t1 #10: my order has not arrived, can you check where it is?"}}]}]}\
                        """);
        // openssl dgst -sha256 -hmac dev-facebook-app-secret, over the body above
        assertThat(webhook.signature())
                .isEqualTo(
                        "sha256=71901233a7b6259581a31f9b31273ef8ba3f6f617b1f347fbdda97dea91fb33b");
        assertThat(webhook.events()).isEqualTo(2);
    }

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted
        }

        Percentiles percentiles = Percentiles.ofNanos(nanos);

        assertThat(percentiles.samples()).isEqualTo(100);
        assertThat(percentiles.p50()).isEqualTo(50.0);
        assertThat(percentiles.p95()).isEqualTo(95.0);
        assertThat(percentiles.p99()).isEqualTo(99.0);
        assertThat(percentiles.max()).isEqualTo(100.0);
    }
}
