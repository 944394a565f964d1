package org.socialsuite.conversation.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.socialsuite.events.Channel;
import org.socialsuite.events.ReplyMode;
import org.socialsuite.support.rules.ReplyLength;
import org.socialsuite.support.rules.TwitterText;
import org.socialsuite.testsupport.TwitterTextCases;

/**
 * The rule a reply tweet is accepted by holds to twitter-text's conformance cases: weighted length
 * and validity (PersonalDataTest holds the draft check, and the workspace's browser story the
 * counter, to the same table).
 */
class TwitterTextConformanceTest {

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.socialsuite.testsupport.TwitterTextCases#ALL")
    void weighsAndJudgesAsTwitterDoes(TwitterTextCases.Case c) {
        assertThat(TwitterText.weightedLength(c.text())).isEqualTo(c.weightedLength());
        // Without a handle there is no mention, so the reply is the tweet itself.
        assertThat(ReplyLength.problem(Channel.TWITTER, ReplyMode.PUBLIC, c.text(), null).isEmpty())
                .isEqualTo(c.valid());
    }
}
