package org.socialsuite.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.TestEvents;

/** Inbound events as ingest-service publishes them. */
public final class InboundEvents {

    private InboundEvents() {}

    public static SocialEventReceived consumerMessage(
            String brandId,
            String consumerId,
            MessageKind kind,
            String platformId,
            String text,
            Instant occurredAt) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                "facebook:" + platformId + ":CREATED",
                Channel.FACEBOOK,
                brandId + "-facebook",
                brandId,
                kind,
                kind.visibility(),
                LifecycleAction.CREATED,
                false,
                consumerId,
                Author.named(consumerId, kind == MessageKind.COMMENT ? "Ann Lee" : null),
                text,
                List.of(),
                platformId,
                kind == MessageKind.COMMENT ? "1000001_555" : null,
                kind == MessageKind.COMMENT ? "1000001_555" : null,
                null,
                occurredAt,
                occurredAt.plusMillis(30));
    }

    public static void publish(SocialEventReceived event) {
        TestEvents.publish(Topics.INBOUND, event.conversationKey().toString(), event);
    }
}
