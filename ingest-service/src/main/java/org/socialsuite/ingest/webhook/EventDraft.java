package org.socialsuite.ingest.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.socialsuite.events.Attachment;
import org.socialsuite.events.Author;
import org.socialsuite.events.Channel;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageKind;
import org.socialsuite.events.SocialEventReceived;
import org.socialsuite.support.accounts.ConnectedAccount;

/**
 * One event being read from a payload, so each parser says only what its network tells: the
 * visibility follows from the kind, the ids from the account, the deduplication key from the item.
 */
public final class EventDraft {

    private final ConnectedAccount account;
    private final Instant receivedAt;
    private MessageKind kind;
    private LifecycleAction action = LifecycleAction.CREATED;
    private String platformId;
    private String versionTag;
    private Author author;
    private boolean fromBrand;
    private String consumerId;
    private String text;
    private final List<Attachment> attachments = new ArrayList<>();
    private String parentPlatformId;
    private String rootPlatformId;
    private String quotedPlatformId;
    private Instant occurredAt;

    public EventDraft(ConnectedAccount account, Instant receivedAt) {
        this.account = account;
        this.receivedAt = receivedAt;
    }

    public EventDraft kind(MessageKind kind) {
        this.kind = kind;
        return this;
    }

    public EventDraft action(LifecycleAction action) {
        this.action = action;
        return this;
    }

    public EventDraft platformId(String platformId) {
        this.platformId = platformId;
        return this;
    }

    /**
     * Tells apart repeated actions on one item (two edits, hide then unhide then hide): the
     * network's time of the change. Creation and deletion happen once and need none.
     */
    public EventDraft versionTag(String versionTag) {
        this.versionTag = versionTag;
        return this;
    }

    /** The author; the brand's own items are context, and belong to the consumer they concern. */
    public EventDraft author(Author author, boolean fromBrand, String consumerId) {
        this.author = author;
        this.fromBrand = fromBrand;
        this.consumerId = consumerId;
        return this;
    }

    public EventDraft text(String text) {
        this.text = text;
        return this;
    }

    public EventDraft attachment(String type, String url) {
        if (type != null) {
            attachments.add(new Attachment(type, url));
        }
        return this;
    }

    public EventDraft thread(String parentPlatformId, String rootPlatformId) {
        this.parentPlatformId = parentPlatformId;
        this.rootPlatformId = rootPlatformId;
        return this;
    }

    public EventDraft quoted(String quotedPlatformId) {
        this.quotedPlatformId = quotedPlatformId;
        return this;
    }

    public EventDraft occurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    public SocialEventReceived build() {
        Channel channel = account.channel();
        String platformEventId =
                channel.name().toLowerCase()
                        + ":"
                        + platformId
                        + ":"
                        + action
                        + (versionTag == null ? "" : ":" + versionTag);
        return new SocialEventReceived(
                UUID.randomUUID().toString(),
                platformEventId,
                channel,
                account.accountId(),
                account.brandId(),
                kind,
                kind.visibility(),
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
                occurredAt != null ? occurredAt : receivedAt,
                receivedAt);
    }
}
