package org.socialsuite.ingest.publish;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the first webhook is published at full speed: the producer has the topic's metadata
 * and its connection to the broker before traffic comes, instead of fetching them while a network
 * waits for its answer (about half a second on the first delivery after a restart).
 */
@Readiness
@ApplicationScoped
class InboundProducerReadiness implements HealthCheck {

    private final KafkaClientService clients;
    private final String topic;
    private volatile boolean warm;

    InboundProducerReadiness(
            KafkaClientService clients,
            @ConfigProperty(name = "mp.messaging.outgoing.social-inbound.topic") String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    void warmUp(@Observes StartupEvent startup) {
        askForTheTopic();
    }

    @Override
    public HealthCheckResponse call() {
        if (!warm) {
            askForTheTopic();
        }
        return HealthCheckResponse.named("Inbound producer has the topic's metadata")
                .status(warm)
                .build();
    }

    private void askForTheTopic() {
        var producer = clients.getProducer("social-inbound");
        if (producer == null) {
            return; // the channel is not connected yet
        }
        producer.partitionsFor(topic)
                .subscribe()
                .with(partitions -> warm = !partitions.isEmpty(), failure -> warm = false);
    }
}
