package org.socialsuite.conversation.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socialsuite.conversation.conversation.Conversation;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.Channel;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.ReplyMode;

/**
 * The networks' reply rules at a clock we choose, edges included, on the facts a conversation keeps
 * as the consumer's messages arrive.
 */
class ReplyModePolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Conversation conversation =
            Conversation.open("acme", "1000001", Channel.FACEBOOK, "c-1", T0);
    private final Map<UUID, Message> heard = new HashMap<>();
    private final Set<String> privatelyAnswered = new HashSet<>();

    @Test
    void messengerIsAPlainResponseForUpTo24HoursThenHumanAgentUpTo7DaysThenClosed() {
        inbound(MessageKind.PRIVATE_MESSAGE, "m_1", T0);

        assertThat(mode(ReplyMode.PRIVATE, T0.plus(Duration.ofHours(24)).minusMillis(1)))
                .isEqualTo(
                        ReplyModeAvailability.open(
                                ReplyMode.PRIVATE, T0.plus(Duration.ofHours(24))));
        assertThat(mode(ReplyMode.PRIVATE, T0.plus(Duration.ofHours(24))))
                .isEqualTo(
                        ReplyModeAvailability.tagged(
                                ReplyMode.PRIVATE, T0.plus(Duration.ofDays(7)), "HUMAN_AGENT"));
        assertThat(mode(ReplyMode.PRIVATE, T0.plus(Duration.ofDays(7)).minusMillis(1)).available())
                .isTrue();
        ReplyModeAvailability closed = mode(ReplyMode.PRIVATE, T0.plus(Duration.ofDays(7)));
        assertThat(closed.available()).isFalse();
        assertThat(closed.reason()).contains("Messenger window closed");
    }

    @Test
    void theConsumersLatestPrivateMessageReopensTheWindow() {
        inbound(MessageKind.PRIVATE_MESSAGE, "m_1", T0);
        inbound(MessageKind.PRIVATE_MESSAGE, "m_2", T0.plus(Duration.ofDays(6)));

        assertThat(
                        mode(ReplyMode.PRIVATE, T0.plus(Duration.ofDays(6)).plusSeconds(60))
                                .messageTag())
                .isNull();
    }

    @Test
    void withoutAnyMessengerMessagePrivateIsClosedAndPublicNeedsAPublicMessage() {
        assertThat(mode(ReplyMode.PRIVATE, T0).reason()).contains("not written in Messenger");
        assertThat(mode(ReplyMode.PUBLIC, T0).available()).isFalse();
        assertThat(mode(ReplyMode.PRIVATE_RESPONSE, T0).available()).isFalse();
    }

    @Test
    void aPrivateResponseIsOncePerCommentAndWithinSevenDays() {
        inbound(MessageKind.COMMENT, "555_777", T0);

        assertThat(mode(ReplyMode.PUBLIC, T0.plus(Duration.ofDays(30))).available()).isTrue();
        assertThat(mode(ReplyMode.PRIVATE_RESPONSE, T0.plus(Duration.ofDays(7)).minusMillis(1)))
                .isEqualTo(
                        ReplyModeAvailability.open(
                                ReplyMode.PRIVATE_RESPONSE, T0.plus(Duration.ofDays(7))));
        assertThat(mode(ReplyMode.PRIVATE_RESPONSE, T0.plus(Duration.ofDays(7))).reason())
                .contains("within 7 days");

        outbound(ReplyMode.PRIVATE_RESPONSE, "555_777");

        assertThat(mode(ReplyMode.PRIVATE_RESPONSE, T0.plusSeconds(60)).reason())
                .contains("already been answered privately");
    }

    @Test
    void aNewerCommentCanBeAnsweredPrivatelyAgain() {
        inbound(MessageKind.COMMENT, "555_777", T0);
        outbound(ReplyMode.PRIVATE_RESPONSE, "555_777");
        inbound(MessageKind.COMMENT, "555_778", T0.plusSeconds(600));

        assertThat(mode(ReplyMode.PRIVATE_RESPONSE, T0.plusSeconds(700)).available()).isTrue();
    }

    @Test
    void aCommentAlreadyRemovedWhenItArrivesIsNeverTheOneAnswered() {
        inbound(MessageKind.COMMENT, "555_778", T0);
        Message removed = message(MessageKind.COMMENT, "555_779", T0.plusSeconds(60));
        removed.deleted = true;
        conversation.heard(removed);

        assertThat(lastPublic().platformId).isEqualTo("555_778");
        assertThat(ReplyModePolicy.defaultMode(facts(Channel.FACEBOOK)))
                .isEqualTo(ReplyMode.PUBLIC);
    }

    @Test
    void messagesArrivingOutOfOrderGiveTheFactsOfTheTranscript() {
        inbound(MessageKind.PRIVATE_MESSAGE, "m_2", T0.plusSeconds(120));
        inbound(MessageKind.COMMENT, "555_1", T0.plusSeconds(60));
        inbound(MessageKind.PRIVATE_MESSAGE, "m_1", T0);

        assertThat(conversation.lastPrivateAt).isEqualTo(T0.plusSeconds(120));
        assertThat(lastPublic().platformId).isEqualTo("555_1");
        assertThat(ReplyModePolicy.defaultMode(facts(Channel.FACEBOOK)))
                .isEqualTo(ReplyMode.PRIVATE);

        // Of two messages of one instant, the later arrival is the later in the transcript.
        inbound(MessageKind.COMMENT, "555_2", T0.plusSeconds(120));
        inbound(MessageKind.COMMENT, "555_3", T0.plusSeconds(60));

        assertThat(lastPublic().platformId).isEqualTo("555_2");
        assertThat(ReplyModePolicy.defaultMode(facts(Channel.FACEBOOK)))
                .isEqualTo(ReplyMode.PUBLIC);
    }

    @Test
    void theDefaultFollowsTheConsumersLastMessage() {
        inbound(MessageKind.PRIVATE_MESSAGE, "m_1", T0);
        assertThat(ReplyModePolicy.defaultMode(facts(Channel.FACEBOOK)))
                .isEqualTo(ReplyMode.PRIVATE);

        inbound(MessageKind.COMMENT, "555_777", T0.plusSeconds(60));
        assertThat(ReplyModePolicy.defaultMode(facts(Channel.FACEBOOK)))
                .isEqualTo(ReplyMode.PUBLIC);
    }

    @Test
    void twitterOffersPublicForAPublicTweetAndAlwaysPrivate() {
        List<ReplyModeAvailability> none = ReplyModePolicy.availability(facts(Channel.TWITTER), T0);
        assertThat(none)
                .extracting(ReplyModeAvailability::mode)
                .containsExactly(ReplyMode.PUBLIC, ReplyMode.PRIVATE);
        assertThat(none.get(0).available()).isFalse();
        assertThat(none.get(1).available()).isTrue();

        inbound(MessageKind.THREAD_REPLY, "1900000000000000002", T0);

        List<ReplyModeAvailability> modes =
                ReplyModePolicy.availability(facts(Channel.TWITTER), T0.plus(Duration.ofDays(90)));
        assertThat(modes).allMatch(ReplyModeAvailability::available);
    }

    private ReplyModeAvailability mode(ReplyMode mode, Instant now) {
        return ReplyModePolicy.availability(facts(Channel.FACEBOOK), now).stream()
                .filter(m -> m.mode() == mode)
                .findFirst()
                .orElseThrow();
    }

    private ConversationFacts facts(Channel channel) {
        Message lastPublic = lastPublic();
        return new ConversationFacts(
                channel,
                conversation.lastInboundVisibility,
                lastPublic,
                conversation.lastPrivateAt,
                lastPublic != null && privatelyAnswered.contains(lastPublic.platformId));
    }

    private Message lastPublic() {
        return heard.get(conversation.lastPublicMessageId);
    }

    private Message inbound(MessageKind kind, String platformId, Instant at) {
        Message m = message(kind, platformId, at);
        conversation.heard(m);
        heard.put(m.id, m);
        return m;
    }

    private static Message message(MessageKind kind, String platformId, Instant at) {
        Message m = new Message();
        m.id = UUID.randomUUID();
        m.direction = MessageDirection.INBOUND;
        m.kind = kind;
        m.visibility = kind.visibility();
        m.platformId = platformId;
        m.occurredAt = at;
        return m;
    }

    private void outbound(ReplyMode mode, String target) {
        assertThat(mode).isEqualTo(ReplyMode.PRIVATE_RESPONSE);
        privatelyAnswered.add(target);
    }
}
