package org.socialsuite.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aValueCannotForgeALogLineOrFloodIt() {
        assertThat(LogSafe.value("page 1000001\n2026-11-30 ERROR forged"))
                .isEqualTo("page 1000001?2026-11-30 ERROR forged");
        assertThat(LogSafe.value("abc\u202Egnp.exe\u0000")).isEqualTo("abc?gnp.exe?");
        assertThat(LogSafe.value("x".repeat(500))).isEqualTo("x".repeat(80) + "…");
        assertThat(LogSafe.value("Bruno Díaz 🍂")).isEqualTo("Bruno Díaz 🍂");
        assertThat(LogSafe.value(null)).isEqualTo("null");
    }
}
