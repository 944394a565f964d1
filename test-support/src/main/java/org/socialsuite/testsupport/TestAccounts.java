package org.socialsuite.testsupport;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.socialsuite.events.AccountChanged;
import org.socialsuite.events.Topics;
import org.socialsuite.events.json.EventJson;
import org.socialsuite.support.accounts.configured.ConfiguredAccounts;
import org.socialsuite.support.accounts.configured.ConnectedAccountsConfig;
import org.socialsuite.support.credentials.CredentialVault;
import org.socialsuite.support.security.DevelopmentValues;

/**
 * Puts the accounts a test JVM works with on its broker's {@code social.account.v1}, as
 * account-service would have announced them: the demo registry ({@code demo-accounts.properties})
 * and a module's own {@code test-accounts.properties}, their tokens sealed with the development
 * key-encryption key the services hold in the test profile. The topic is compacted and keyed by
 * account id, so publishing them again changes nothing.
 */
public final class TestAccounts {

    /** The key id the test profiles hold the development key under. */
    public static final String KEY_ID = "dev1";

    private static final List<String> REGISTRIES =
            List.of("demo-accounts.properties", "test-accounts.properties");

    private TestAccounts() {}

    /** The development vault: what the test profiles seal and open with. */
    public static CredentialVault vault() {
        return CredentialVault.of(
                Map.of(KEY_ID, DevelopmentValues.DEVELOPMENT_CREDENTIAL_KEY), KEY_ID);
    }

    /** The configured registries' accounts, announced. */
    public static void publish(String bootstrapServers) {
        send(bootstrapServers, configured().stream().map(TestAccounts::record).toList());
    }

    /** One account as account-service announces a change of it. */
    public static void announce(AccountChanged account) {
        send(TestKafka.bootstrapServers(), List.of(record(account)));
    }

    /** The tombstone account-service writes when an account is disconnected. */
    public static void disconnect(String accountId) {
        send(
                TestKafka.bootstrapServers(),
                List.of(new ProducerRecord<>(Topics.ACCOUNT, accountId, null)));
    }

    /** A credential sealed for the account with the development key. */
    public static String sealed(String accountId, String token) {
        return vault().seal(token, accountId).toString();
    }

    private static ProducerRecord<String, byte[]> record(AccountChanged account) {
        return new ProducerRecord<>(Topics.ACCOUNT, account.accountId(), EventJson.write(account));
    }

    private static void send(
            String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                sent.add(producer.send(record));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Accounts not published on " + Topics.ACCOUNT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The configured registries on the class path, as the announcements of their accounts. */
    public static List<AccountChanged> configured() {
        SmallRyeConfigBuilder builder =
                new SmallRyeConfigBuilder()
                        .addDefaultInterceptors()
                        .addSystemSources()
                        .withMapping(ConnectedAccountsConfig.class);
        for (URL registry : registries()) {
            try {
                builder.withSources(new PropertiesConfigSource(registry, 100));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        SmallRyeConfig config = builder.build();
        Instant now = Instant.now();
        return config.getConfigMapping(ConnectedAccountsConfig.class).accounts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(
                        entry -> {
                            String id = entry.getKey();
                            ConnectedAccountsConfig.Account account = entry.getValue();
                            return new AccountChanged(
                                    id,
                                    account.brandId(),
                                    account.channel(),
                                    account.externalId(),
                                    ConfiguredAccounts.displayName(id, account),
                                    account.pageName().orElse(null),
                                    account.handle().orElse(null),
                                    true,
                                    true,
                                    sealed(id, account.accessToken()),
                                    now);
                        })
                .toList();
    }

    private static List<URL> registries() {
        List<URL> found = new ArrayList<>();
        ClassLoader loader = TestAccounts.class.getClassLoader();
        for (String name : REGISTRIES) {
            try {
                found.addAll(Collections.list(loader.getResources(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }
}
