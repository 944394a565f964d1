package org.socialsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.events.Visibility;
import org.socialsuite.support.accounts.ConnectedAccount;

/** Expected events written out in full, and the demo accounts the parsers look up. */
public final class Expected {

    public static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:01Z");

    public static final ConnectedAccount ACME_FACEBOOK =
            new ConnectedAccount(
                    "acme-facebook",
                    "acme",
                    Channel.FACEBOOK,
                    "1000001",
                    "AcmeCare",
                    Optional.of("AcmeCare"),
                    Optional.empty(),
                    true,
                    true);
    public static final ConnectedAccount GLOBEX_FACEBOOK =
            new ConnectedAccount(
                    "globex-facebook",
                    "globex",
                    Channel.FACEBOOK,
                    "3000001",
                    "GlobexHelp",
                    Optional.of("GlobexHelp"),
                    Optional.empty(),
                    true,
                    true);
    public static final ConnectedAccount ACME_TWITTER =
            new ConnectedAccount(
                    "acme-twitter",
                    "acme",
                    Channel.TWITTER,
                    "2000001",
                    "@AcmeCare",
                    Optional.empty(),
                    Optional.of("AcmeCare"),
                    true,
                    true);

    private Expected() {}

    public static Optional<ConnectedAccount> account(Channel channel, String externalId) {
        return List.of(ACME_FACEBOOK, GLOBEX_FACEBOOK, ACME_TWITTER).stream()
                .filter(a -> a.channel() == channel && a.externalId().equals(externalId))
                .findFirst();
    }

    /** Every field but the random event id; visibility is spelled out, not derived. */
    public static SocialEventReceived event(
            ConnectedAccount account,
            String platformEventId,
            MessageKind kind,
            Visibility visibility,
            LifecycleAction action,
            boolean fromBrand,
            String consumerId,
            Author author,
            String text,
            List<Attachment> attachments,
            String platformId,
            String parentPlatformId,
            String rootPlatformId,
            String quotedPlatformId,
            Instant occurredAt) {
        return new SocialEventReceived(
                "any",
                platformEventId,
                account.channel(),
                account.accountId(),
                account.brandId(),
                kind,
                visibility,
                action,
                fromBrand,
                consumerId,
                author,
                text,
                attachments,
                platformId,
                parentPlatformId,
                rootPlatformId,
                quotedPlatformId,
                occurredAt,
                RECEIVED);
    }

    /** Field by field, in order; event ids are random, so only their form is checked. */
    public static void assertEvents(
            List<SocialEventReceived> actual, SocialEventReceived... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i).eventId()).hasSize(36);
            assertThat(actual.get(i))
                    .as("event %d", i)
                    .usingRecursiveComparison()
                    .ignoringFields("eventId")
                    .isEqualTo(expected[i]);
        }
    }
}
