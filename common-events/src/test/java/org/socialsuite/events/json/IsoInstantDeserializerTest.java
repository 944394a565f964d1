package org.socialsuite.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantDeserializerTest {

    private static final ObjectMapper JSR310 =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    record Stamped(Instant at) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-01T17:23:21Z",
                "2026-12-01T17:23:21.1Z",
                "2026-12-01T17:23:21.120Z",
                "2026-12-01T17:23:21.123456Z",
                "2026-12-01T17:23:21.123456789Z",
                "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z"
            })
    void theStrictUtcFormIsReadAsJavaTimeReadsIt(String text) {
        assertThat(IsoInstantDeserializer.parse(text.toCharArray(), 0, text.length()))
                .isEqualTo(Instant.parse(text));
        assertThat(read(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-01T18:23:21+01:00",
                "2026-12-01T17:23:21.5-03:30",
                "+10000-01-01T00:00:00Z",
                "2026-12-01T23:59:60Z",
                "2026-12-01T24:00:00Z",
                "2026-12-01T17:23:21.Z"
            })
    void otherFormsJsr310ReadsAreLeftToIt(String text) {
        assertThat(IsoInstantDeserializer.parse(text.toCharArray(), 0, text.length())).isNull();
        assertThat(read(text)).isEqualTo(JSR310.convertValue(text, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-12-01T17:60:00Z",
                "2026-12-01T17:23:21.1234567890Z",
                "2026-12-01 17:23:21Z",
                "2026-12-0aT17:23:21Z",
                "yesterday"
            })
    void whatNeitherReadsIsRefusedWithTheField(String text) {
        assertThat(IsoInstantDeserializer.parse(text.toCharArray(), 0, text.length())).isNull();
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("Stamped");
    }

    @Test
    void aNumberIsStillReadAsEpochSeconds() {
        byte[] json = "{\"at\":1764609801.5}".getBytes(StandardCharsets.UTF_8);
        assertThat(EventJson.read(json, Stamped.class).at())
                .isEqualTo(Instant.ofEpochSecond(1764609801L, 500_000_000));
    }

    @Test
    void whatEventJsonWritesItReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int i = 0; i < 10_000; i++) {
            Instant at =
                    Instant.ofEpochSecond(
                            random.nextLong(-62_135_596_800L, 253_402_300_799L),
                            i % 4 == 0
                                    ? 0
                                    : random.nextInt(1_000_000_000) / (i % 3 == 0 ? 1000 : 1));
            Stamped stamped = new Stamped(at);
            assertThat(EventJson.read(EventJson.write(stamped), Stamped.class)).isEqualTo(stamped);
        }
        assertThat(read("2026-12-01T18:23:21+01:00"))
                .isEqualTo(OffsetDateTime.parse("2026-12-01T18:23:21+01:00").toInstant());
    }

    private static Instant read(String text) {
        byte[] json = ("{\"at\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
        return EventJson.read(json, Stamped.class).at();
    }
}
