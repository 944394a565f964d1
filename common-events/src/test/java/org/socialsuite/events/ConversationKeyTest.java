package org.socialsuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversationKeyTest {

    @Test
    void isAccountColonConsumer() {
        assertThat(ConversationKey.of("acme-facebook", "8001")).hasToString("acme-facebook:8001");
    }

    @Test
    void parsesWhatItPrints() {
        assertThat(ConversationKey.parse("acme-twitter:9001"))
                .isEqualTo(ConversationKey.of("acme-twitter", "9001"));
    }

    @Test
    void refusesKeysWithoutBothParts() {
        assertThatThrownBy(() -> ConversationKey.parse("acme-facebook:"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.parse("8001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationKey.of(null, "8001"))
                .hasMessage("accountId is required");
    }

    @Test
    void brandEchoesAreKeyedByTheirConsumerNotTheBrand() {
        SocialEventReceived message = Samples.messengerMessage();
        SocialEventReceived echo =
                new SocialEventReceived(
                        "e-2",
                        "facebook:m_out:CREATED",
                        Channel.FACEBOOK,
                        "acme-facebook",
                        "acme",
                        MessageKind.PRIVATE_MESSAGE,
                        Visibility.PRIVATE,
                        LifecycleAction.CREATED,
                        true,
                        "8001",
                        Author.named("1000001", "AcmeCare"),
                        "We are on it",
                        null,
                        "m_out",
                        null,
                        null,
                        null,
                        Samples.T0,
                        Samples.T0);

        assertThat(echo.conversationKey()).isEqualTo(message.conversationKey());
        assertThat(echo.attachments()).isEmpty();
    }

    @Test
    void eachKindHasOneVisibility() {
        assertThat(MessageKind.COMMENT.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(MessageKind.PRIVATE_MESSAGE.visibility()).isEqualTo(Visibility.PRIVATE);
    }
}
