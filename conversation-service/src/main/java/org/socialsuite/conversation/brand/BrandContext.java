package org.socialsuite.conversation.brand;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.socialsuite.conversation.message.DeliveryStatus;
import org.socialsuite.conversation.message.MessageRepository;
import org.socialsuite.events.LifecycleAction;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.SocialEventReceived;

/**
 * The brand's own items. The echo of one of our replies confirms it (matched by platform id, never
 * stored twice). Everything else is kept as context and never opens a conversation; what answers a
 * consumer also goes into their open conversation, see {@link RepliesSentOutside}.
 */
@ApplicationScoped
public class BrandContext {

    private final MessageRepository messages;
    private final RepliesSentOutside repliesSentOutside;

    public BrandContext(MessageRepository messages, RepliesSentOutside repliesSentOutside) {
        this.messages = messages;
        this.repliesSentOutside = repliesSentOutside;
    }

    /** Called inside the inbound transaction. Returns the outcome for the metrics. */
    public Uni<String> apply(SocialEventReceived event, Instant now) {
        return messages.findByPlatformId(event.accountId(), event.platformId())
                .chain(
                        ours -> {
                            if (ours != null && ours.direction == MessageDirection.OUTBOUND) {
                                if (ours.deliveryStatus == DeliveryStatus.PENDING) {
                                    ours.deliveryStatus = DeliveryStatus.SENT;
                                }
                                return Uni.createFrom().item("echo_matched");
                            }
                            Uni<BrandItem> kept = keep(event);
                            return RepliesSentOutside.answersAConsumer(event)
                                    ? kept.chain(() -> repliesSentOutside.apply(event, now))
                                    : kept.replaceWith("brand_context");
                        });
    }

    private Uni<BrandItem> keep(SocialEventReceived event) {
        BrandItem.Key key = new BrandItem.Key(event.accountId(), event.platformId());
        return Panache.getSession()
                .chain(session -> session.find(BrandItem.class, key))
                .chain(
                        existing -> {
                            BrandItem item = existing != null ? existing : new BrandItem();
                            item.key = key;
                            item.kind = event.kind();
                            item.consumerId = event.consumerId();
                            item.authorName = event.author().name();
                            item.parentPlatformId = event.parentPlatformId();
                            item.rootPlatformId = event.rootPlatformId();
                            item.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
                            if (event.action() == LifecycleAction.DELETED) {
                                item.deleted = true;
                            } else if (event.text() != null) {
                                item.text = event.text();
                            }
                            return existing != null
                                    ? Uni.createFrom().item(item)
                                    : item.<BrandItem>persist();
                        });
    }
}
