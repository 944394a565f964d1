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
    void twitterWeighsAsItsOwnLibraryDoes() {
        // test-support's TwitterTextCases holds the conformance table; these are the cases the
        // approximation this replaced got wrong.
        assertThat(TwitterText.weightedLength("hello")).isEqualTo(5);
        assertThat(TwitterText.weightedLength("see example.com")).isEqualTo(4 + 23);
        assertThat(TwitterText.weightedLength("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"))
                .isEqualTo(2);
        assertThat(TwitterText.weightedLength("\u2764\uFE0F")).isEqualTo(2);
        assertThat(TwitterText.weightedLength("e\u0301")).isEqualTo(1);
    }

    @Test
    void aCharacterTwitterRefusesIsNamed() {
        assertThat(ReplyLength.problem(Channel.TWITTER, ReplyMode.PUBLIC, "ok\uFEFF", null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("refuses"));
        assertThat(ReplyLength.measure(Channel.TWITTER, ReplyMode.PUBLIC, "hi", "bob"))
                .isEqualTo(new ReplyLength.Measure(7, 280, true, true));
        assertThat(ReplyLength.measure(Channel.FACEBOOK, ReplyMode.PRIVATE, "h\u00e9", null))
                .isEqualTo(new ReplyLength.Measure(2, 2_000, false, true));
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
