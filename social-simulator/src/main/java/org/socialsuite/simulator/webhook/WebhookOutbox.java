package org.socialsuite.simulator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.socialsuite.events.Channel;
import org.socialsuite.simulator.SimulatorConfig;
import org.socialsuite.simulator.brand.BrandAccounts;

/**
 * Collects what happens during one batch window and sends it the way each network batches: Facebook
 * one webhook with an {@code entry} per page and kind ({@code changes} for the feed, {@code
 * messaging} for Messenger); Twitter/X one webhook per brand user and event type.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final WebhookDelivery delivery;
    private final SimulatorConfig config;
    private final Clock clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "webhook-outbox");
                        thread.setDaemon(true);
                        return thread;
                    });
    private final Map<String, List<JsonNode>> facebookBatch = new LinkedHashMap<>();
    private final Map<String, TwitterBatch> twitterBatch = new LinkedHashMap<>();
    private final BrandAccounts accounts;
    private boolean flushScheduled;

    public WebhookOutbox(
            WebhookDelivery delivery, SimulatorConfig config, BrandAccounts accounts, Clock clock) {
        this.delivery = delivery;
        this.config = config;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A feed change ({@code changes[]}) of a page. */
    public synchronized void facebookChange(String pageId, ObjectNode value) {
        if (!accounts.subscribed(Channel.FACEBOOK, pageId)) {
            return;
        }
        ObjectNode change = NODES.objectNode().put("field", "feed");
        change.set("value", value);
        facebookBatch.computeIfAbsent(pageId + "|changes", k -> new ArrayList<>()).add(change);
        scheduleFlush();
    }

    /** A Messenger item ({@code messaging[]}) of a page. */
    public synchronized void facebookMessaging(String pageId, ObjectNode item) {
        if (!accounts.subscribed(Channel.FACEBOOK, pageId)) {
            return;
        }
        facebookBatch.computeIfAbsent(pageId + "|messaging", k -> new ArrayList<>()).add(item);
        scheduleFlush();
    }

    /**
     * An Account Activity event for a brand user.
     *
     * @param users the users map DM events carry (id to user object); empty for tweets
     */
    public synchronized void twitter(
            String forUserId, String eventType, ObjectNode event, Map<String, ObjectNode> users) {
        if (!accounts.subscribed(Channel.TWITTER, forUserId)) {
            return;
        }
        TwitterBatch batch =
                twitterBatch.computeIfAbsent(
                        forUserId + "|" + eventType, k -> new TwitterBatch(forUserId, eventType));
        batch.events.add(event);
        batch.users.putAll(users);
        scheduleFlush();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        timer.shutdown();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            timer.schedule(
                    this::flush, config.webhookBatchWindow().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void flush() {
        flushScheduled = false;
        if (!facebookBatch.isEmpty()) {
            delivery.facebook(EscapedJson.write(facebookPayload()), timer);
            facebookBatch.clear();
        }
        for (TwitterBatch batch : twitterBatch.values()) {
            delivery.twitter(EscapedJson.write(batch.payload()), timer);
        }
        twitterBatch.clear();
    }

    private ObjectNode facebookPayload() {
        ObjectNode payload = NODES.objectNode().put("object", "page");
        var entries = payload.putArray("entry");
        facebookBatch.forEach(
                (key, items) -> {
                    String pageId = key.substring(0, key.indexOf('|'));
                    String kind = key.substring(key.indexOf('|') + 1);
                    long millis = clock.millis();
                    // Feed entries carry seconds, Messenger entries milliseconds.
                    ObjectNode entry =
                            NODES.objectNode()
                                    .put("id", pageId)
                                    .put("time", kind.equals("changes") ? millis / 1000 : millis);
                    entry.putArray(kind).addAll(items);
                    entries.add(entry);
                });
        return payload;
    }

    private static final class TwitterBatch {
        final String forUserId;
        final String eventType;
        final List<JsonNode> events = new ArrayList<>();
        final Map<String, ObjectNode> users = new LinkedHashMap<>();

        TwitterBatch(String forUserId, String eventType) {
            this.forUserId = forUserId;
            this.eventType = eventType;
        }

        ObjectNode payload() {
            ObjectNode payload = NODES.objectNode().put("for_user_id", forUserId);
            payload.putArray(eventType).addAll(events);
            if (!users.isEmpty()) {
                ObjectNode map = payload.putObject("users");
                users.forEach(map::set);
            }
            return payload;
        }
    }
}
