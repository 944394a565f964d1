package org.socialsuite.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.socialsuite.benchmark.observe.Timeline;
import org.socialsuite.benchmark.report.Charts;
import org.socialsuite.benchmark.report.Percentiles;
import org.socialsuite.benchmark.resources.Resources;
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

    @Test
    void ratesAreTheCountsChangeBetweenBeats() {
        List<double[]> rates =
                Timeline.rates(
                        List.of(
                                new Timeline.Point(0, 0, 0),
                                new Timeline.Point(1, 500, 100),
                                new Timeline.Point(3, 1500, 700)));

        assertThat(rates).hasSize(2);
        assertThat(rates.get(0)).containsExactly(1, 500, 100);
        assertThat(rates.get(1)).containsExactly(3, 500, 300);
    }

    @Test
    void theMachinesCpuIsSplitIntoUserKernelWaitAndIdle() {
        // user nice system idle iowait irq softirq steal
        long[] start = {100, 0, 100, 100, 0, 0, 0, 0};
        long[] end = {160, 0, 130, 100, 10, 0, 0, 0};

        Resources.MachineCpu cpu = Resources.MachineCpu.between(start, end);

        assertThat(cpu.user()).isEqualTo(0.6);
        assertThat(cpu.system()).isEqualTo(0.3);
        assertThat(cpu.ioWait()).isEqualTo(0.1);
        assertThat(cpu.idle()).isEqualTo(0.0);
    }

    @Test
    void theCompilerShareIsOfTheServicesCpuNotTheBrokersOrTheDatabases() {
        Map<String, Resources.Part> parts = new LinkedHashMap<>();
        parts.put("conversation-service", new Resources.Part(1, 0.6, 0.3, 0));
        parts.put("profile-service", new Resources.Part(1, 0.4, 0.1, 0));
        parts.put("kafka broker", new Resources.Part(1, 0.5, 0.5, 0));
        parts.put("postgresql", new Resources.Part(30, 1.0, 0, 0));
        Resources resources = new Resources(10, parts, new Resources.MachineCpu(0.8, 0.2, 0, 0));

        assertThat(resources.servicesCompilerShare()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void theChartsAreSvgWithEveryLineTheirLegendNames() throws Exception {
        String throughput =
                Charts.throughput(
                        List.of(new double[] {1, 3000, 300}, new double[] {2, 3200, 350}),
                        20_000,
                        18_000,
                        "Throughput <test>");
        String latency =
                Charts.latency(new long[] {5_000_000, 80_000_000, 900_000_000}, 250, "Latency");

        for (String svg : List.of(throughput, latency)) {
            // Well-formed XML, or a browser shows nothing.
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(throughput)
                .contains("Throughput &lt;test&gt;")
                .contains("ingest accepted", "stored and announced")
                .contains("raw Kafka producer 20k", "raw PostgreSQL inserts 18k")
                .contains("end-to-end target 5,700");
        assertThat(latency).contains("p99 target 250 ms", "this run");
    }
}
