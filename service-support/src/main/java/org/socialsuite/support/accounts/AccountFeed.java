package org.socialsuite.support.accounts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.json.AccountChangedDeserializer;
import org.socialsuite.support.LogSafe;
import org.socialsuite.support.consumer.AssignedReader;

/**
 * Reads the whole of the compacted {@code social.account.v1} into {@link AccountRegistry}, from the
 * beginning and then as it grows, in every replica: no consumer group, so each replica has every
 * account, and a replica started later builds the same view. The start waits (a bounded time) until
 * the view has caught up with the topic's end, so a fresh replica does not answer webhooks with
 * half a registry; readiness ({@link AccountsCaughtUp}) says so either way.
 */
@ApplicationScoped
public class AccountFeed {

    private static final Logger LOG = Logger.getLogger(AccountFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final AccountRegistry registry;
    private final AccountFeedConfig config;
    private final Config kafkaConfig;
    private final AccountChangedDeserializer deserializer = new AccountChangedDeserializer();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean failed;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public AccountFeed(
            AccountRegistry registry,
            AccountFeedConfig config,
            Config kafkaConfig,
            MeterRegistry meters) {
        this.registry = registry;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        meters.gauge("suite.accounts.known", Tags.empty(), registry, AccountRegistry::size);
    }

    void start(@Observes StartupEvent startup) throws InterruptedException {
        consumer = new KafkaConsumer<>(AssignedReader.properties(kafkaConfig, "account-feed"));
        thread = new Thread(this::run, "account-feed");
        thread.setDaemon(true);
        thread.start();
        if (!caughtUp.await(config.startWait().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf(
                    "Connected accounts: not caught up with %s after %s; starting, not ready until"
                            + " it is",
                    config.topic(), config.startWait());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Whether the view still follows the topic: it stops only on a failure it cannot read past. */
    public boolean following() {
        return !failed;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> reader = consumer) {
            List<TopicPartition> partitions =
                    AssignedReader.partitions(reader, config.topic(), () -> running);
            if (partitions.isEmpty()) {
                return;
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = null;
            while (running) {
                try {
                    if (end == null) {
                        end = reader.endOffsets(partitions);
                    }
                    for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                        apply(record);
                    }
                    if (!caughtUp() && AssignedReader.reachedEnd(reader, end)) {
                        LOG.infof(
                                "Connected accounts: %d known from %s",
                                registry.size(), config.topic());
                        caughtUp.countDown();
                    }
                } catch (org.apache.kafka.common.errors.TimeoutException brokerAway) {
                    // The broker did not answer in time: the view keeps what it has, reading goes
                    // on.
                    LOG.debugf("Connected accounts: %s; reading on", brokerAway.getMessage());
                }
            }
        } catch (WakeupException stopping) {
            // shutdown
        } catch (KafkaException | IllegalStateException e) {
            failed = true;
            LOG.error("Connected accounts: the feed stopped; the view no longer changes", e);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        AccountChanged changed;
        try {
            changed = deserializer.deserialize(record.topic(), record.value());
        } catch (KafkaException unreadable) {
            // Written by a newer account-service or damaged: this account keeps its last view.
            LOG.errorf(
                    "Connected accounts: record %s-%d@%d unreadable, skipped: %s",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    LogSafe.value(unreadable.getMessage()));
            return;
        }
        if (record.key() == null
                || (changed != null && !changed.accountId().equals(record.key()))) {
            LOG.errorf(
                    "Connected accounts: record %s-%d@%d keyed %s, skipped",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    LogSafe.value(String.valueOf(record.key())));
            return;
        }
        registry.apply(record.key(), changed);
    }
}
