package org.socialsuite.events;

import java.time.Instant;
import java.util.List;

/** One fully populated instance of each contract. */
final class Samples {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");

    private Samples() {}

    static SocialEventReceived messengerMessage() {
        return new SocialEventReceived(
                "0b8a1e1c-5d8e-4c52-9a51-6c3b1b1f8e01",
                "facebook:m_abc123:CREATED",
                Channel.FACEBOOK,
                "acme-facebook",
                "acme",
                MessageKind.PRIVATE_MESSAGE,
                Visibility.PRIVATE,
                LifecycleAction.CREATED,
                false,
                "8001",
                new Author(
                        "8001",
                        "Ann Lee",
                        "annlee",
                        "https://example.invalid/a.png",
                        "bio",
                        12L,
                        40L,
                        310L,
                        77L),
                "Hi, can you help? Grüße ☕",
                List.of(new Attachment("image", "https://example.invalid/i.jpg")),
                "m_abc123",
                "m_prev",
                "m_root",
                null,
                T0,
                T0.plusMillis(40));
    }

    static ReplyRequested replyRequested() {
        return new ReplyRequested(
                "r-1",
                "c-1",
                "acme-facebook",
                "acme",
                Channel.FACEBOOK,
                ReplyMode.PRIVATE,
                "We are on it",
                new ReplyTarget("8001", null, null, "HUMAN_AGENT", T0.minusSeconds(90_000)),
                "agent-7",
                T0);
    }

    static ReplyResult replyResult() {
        return new ReplyResult(
                "r-1", "c-1", DeliveryOutcome.SENT, "m_out1", null, null, 1, T0.plusSeconds(1));
    }

    static ConsumerProfileUpdated profileUpdated() {
        return new ConsumerProfileUpdated(
                Channel.FACEBOOK,
                "8001",
                "acme-facebook",
                "Ann Lee",
                null,
                "https://example.invalid/a.png",
                null,
                "en_US",
                5.5,
                null,
                null,
                null,
                null,
                T0);
    }
}
