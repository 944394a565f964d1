package org.socialsuite.support.accounts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
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

    private final AccountRegistry registry;
    private final AccountFeedConfig config;
    private final AccountChangedDeserializer deserializer = new AccountChangedDeserializer();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AssignedReader reader;

    public AccountFeed(
            AccountRegistry registry,
            AccountFeedConfig config,
            Config kafkaConfig,
            MeterRegistry meters) {
        this.registry = registry;
        this.config = config;
        this.reader =
                new AssignedReader(
                        "account-feed",
                        config.topic(),
                        kafkaConfig,
                        AssignedReader.FROM_BEGINNING,
                        this::apply,
                        () -> {
                            LOG.infof(
                                    "Connected accounts: %d known from %s",
                                    registry.size(), config.topic());
                            caughtUp.countDown();
                        });
        meters.gauge("suite.accounts.known", Tags.empty(), registry, AccountRegistry::size);
    }

    void start(@Observes StartupEvent startup) throws InterruptedException {
        reader.open();
        if (!caughtUp.await(config.startWait().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf(
                    "Connected accounts: not caught up with %s after %s; starting, not ready until"
                            + " it is",
                    config.topic(), config.startWait());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reader.close();
    }

    public boolean caughtUp() {
        return reader.caughtUp();
    }

    /** Whether the view still follows the topic: it stops only on a failure it cannot read past. */
    public boolean following() {
        return reader.following();
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
