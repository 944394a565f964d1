package org.socialsuite.profile;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Topics;
import org.socialsuite.testsupport.AgentTokens;
import org.socialsuite.testsupport.TestEvents;

/** Inbound events as ingest-service publishes them, and the agents' requests. */
public final class ProfileEvents {

    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private ProfileEvents() {}

    /** A consumer's item on one of acme's accounts. */
    public static SocialEventReceived consumer(
            Channel channel,
            MessageKind kind,
            Author author,
            String platformId,
            String parentId,
            String rootId) {
        String account = channel == Channel.FACEBOOK ? "acme-facebook" : "acme-twitter";
        return event(account, "acme", channel, kind, false, author, platformId, parentId, rootId);
    }

    public static SocialEventReceived consumer(Channel channel, MessageKind kind, Author author) {
        return consumer(channel, kind, author, UUID.randomUUID().toString(), null, null);
    }

    /**
     * A consumer's item on another account (the test profile's {@code limited-twitter} of brand
     * {@code limited}), for a test whose state must not reach acme's.
     */
    public static SocialEventReceived consumerOf(
            String account, String brand, Channel channel, MessageKind kind, Author author) {
        return event(
                account,
                brand,
                channel,
                kind,
                false,
                author,
                UUID.randomUUID().toString(),
                null,
                null);
    }

    /** The brand's own item: context, never a consumer's. */
    public static SocialEventReceived brand(
            Channel channel, MessageKind kind, String platformId, String parentId, String rootId) {
        Author page =
                channel == Channel.FACEBOOK
                        ? Author.named("1000001", "AcmeCare")
                        : new Author(
                                "2000001", "Acme", "AcmeCare", null, null, null, null, null, null);
        String account = channel == Channel.FACEBOOK ? "acme-facebook" : "acme-twitter";
        return event(account, "acme", channel, kind, true, page, platformId, parentId, rootId);
    }

    public static void publish(SocialEventReceived event) {
        TestEvents.publish(Topics.INBOUND, event.conversationKey().toString(), event);
    }

    public static ValidatableResponse get(String brand, String path) {
        return given().header("Authorization", AgentTokens.bearer(brand)).get(path).then();
    }

    private static SocialEventReceived event(
            String account,
            String brand,
            Channel channel,
            MessageKind kind,
            boolean fromBrand,
            Author author,
            String platformId,
            String parentId,
            String rootId) {
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                channel.name().toLowerCase() + ":" + platformId + ":CREATED",
                channel,
                account,
                brand,
                kind,
                kind.visibility(),
                LifecycleAction.CREATED,
                fromBrand,
                fromBrand ? null : author.id(),
                author,
                "text of " + platformId,
                List.of(),
                platformId,
                parentId,
                rootId,
                null,
                T0,
                T0);
    }
}
