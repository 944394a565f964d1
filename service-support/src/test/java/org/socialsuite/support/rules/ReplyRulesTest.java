package org.socialsuite.support.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.support.rules.MessagingWindows.MessengerWindow;

class ReplyRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void twitterWeighsLatinOnceEverythingElseTwiceAndEveryUrlAs23() {
        assertThat(TwitterText.weightedLength("hello")).isEqualTo(5);
        assertThat(TwitterText.weightedLength("こんにちは")).isEqualTo(10);
        assertThat(TwitterText.weightedLength("😀")).isEqualTo(2);
        assertThat(TwitterText.weightedLength("see https://example.com/a/very/long/path?q=1"))
                .isEqualTo(4 + 23);
        // "e" + combining acute is one code point after NFC.
        assertThat(TwitterText.weightedLength("e\u0301")).isEqualTo(1);
        assertThat(TwitterText.weightedLength("\u2014")).isEqualTo(1);
    }

    @Test
    void aReplyTweetCountsItsMention() {
        assertThat(ReplyLength.asSent(Channel.TWITTER, ReplyMode.PUBLIC, "hi", "bob"))
                .isEqualTo("@bob hi");
        assertThat(ReplyLength.problem(Channel.TWITTER, ReplyMode.PUBLIC, "a".repeat(275), "bob"))
                .isEmpty();
        assertThat(ReplyLength.problem(Channel.TWITTER, ReplyMode.PUBLIC, "a".repeat(276), "bob"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("weighs 281"));
        assertThat(ReplyLength.asSent(Channel.TWITTER, ReplyMode.PRIVATE, "hi", "bob"))
                .isEqualTo("hi");
    }

    @Test
    void eachChannelAndModeHasItsLimit() {
        assertThat(
                        ReplyLength.problem(
                                Channel.FACEBOOK, ReplyMode.PRIVATE, "x".repeat(2_000), null))
                .isEmpty();
        assertThat(
                        ReplyLength.problem(
                                Channel.FACEBOOK, ReplyMode.PRIVATE, "x".repeat(2_001), null))
                .hasValue("A Messenger message may have 2000 characters; this one has 2001");
        assertThat(ReplyLength.problem(Channel.FACEBOOK, ReplyMode.PUBLIC, "x".repeat(8_001), null))
                .isPresent();
        assertThat(
                        ReplyLength.problem(
                                Channel.TWITTER, ReplyMode.PRIVATE, "x".repeat(10_000), null))
                .isEmpty();
        assertThat(ReplyLength.problem(Channel.FACEBOOK, ReplyMode.PUBLIC, "  ", null))
                .hasValue("The reply is empty");
    }

    @Test
    void theMessengerWindowIsPlainFor24HoursTaggedFor7DaysThenClosed() {
        MessengerWindow fresh = MessagingWindows.messenger(T0, T0.plus(Duration.ofHours(23)));
        assertThat(fresh.state()).isEqualTo(MessengerWindow.State.STANDARD);
        assertThat(fresh.closesAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(fresh.messageTag()).isNull();

        MessengerWindow tagged = MessagingWindows.messenger(T0, T0.plus(Duration.ofHours(24)));
        assertThat(tagged.state()).isEqualTo(MessengerWindow.State.HUMAN_AGENT);
        assertThat(tagged.messageTag()).isEqualTo("HUMAN_AGENT");
        assertThat(tagged.closesAt()).isEqualTo(T0.plus(Duration.ofDays(7)));

        MessengerWindow closed = MessagingWindows.messenger(T0, T0.plus(Duration.ofDays(7)));
        assertThat(closed.open()).isFalse();
        assertThat(MessagingWindows.privateResponseEnd(T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
    }
}
