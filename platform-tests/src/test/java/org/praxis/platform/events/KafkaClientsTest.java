package org.praxis.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The secured-broker settings reach every client, and stay out when not set; the clients' meters live as long as they do. */
class KafkaClientsTest {

    private static KafkaClients clients(Optional<String> protocol, Optional<String> jaas) {
        KafkaClients k = new KafkaClients();
        k.bootstrapServers = "kafka:9093";
        k.securityProtocol = protocol;
        k.saslMechanism = protocol.map(p -> "SCRAM-SHA-512");
        k.saslJaasConfig = jaas;
        k.truststoreType = protocol.map(p -> "PEM");
        k.truststoreLocation = protocol.map(p -> "/etc/kafka-ca/ca.crt");
        k.sessionTimeout = Duration.ofSeconds(45);
        return k;
    }

    @Test
    void aSecuredBrokerGetsSaslAndTheClusterCa() {
        Properties p = clients(
                        Optional.of("SASL_SSL"),
                        Optional.of("org.apache.kafka.common.security.scram.ScramLoginModule required;"))
                .connection();
        assertEquals("kafka:9093", p.get("bootstrap.servers"));
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals("PEM", p.get("ssl.truststore.type"));
        assertEquals("/etc/kafka-ca/ca.crt", p.get("ssl.truststore.location"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;", p.get("sasl.jaas.config"));
    }

    @Test
    void aLoopbackBrokerGetsNothingElse() {
        Properties p = clients(Optional.empty(), Optional.empty()).connection();
        assertEquals(1, p.size());
        assertFalse(p.containsKey("security.protocol"));
    }

    @Test
    void theInboxAndRelayClientsAreMeteredUntilTheyCloseAndTheDeadLetterReaderIsNot() {
        KafkaClients k = clients(Optional.empty(), Optional.empty());
        k.bootstrapServers = "127.0.0.1:1"; // never reached: creating and closing a client connects nowhere
        k.registry = new SimpleMeterRegistry();
        k.metricsRefresh = Duration.ofSeconds(30);
        k.startRefreshing();
        try {
            KafkaConsumer<String, String> consumer = k.consumer("svc", "svc-inbox-topic", "earliest");
            KafkaProducer<String, String> producer = k.producer("svc-outbox");
            try (KafkaConsumer<String, String> reader = k.reader("svc-dlq-reader")) {
                assertTrue(metered(k, "svc-inbox-topic", "kafka.consumer."), "the inbox consumer's meters");
                assertTrue(metered(k, "svc-outbox", "kafka.producer."), "the relay producer's meters");
                assertFalse(metered(k, "svc-dlq-reader", "kafka."), "the per-request reader is not metered");
            }
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            producer.close(Duration.ZERO);
            assertFalse(metered(k, "svc-inbox-topic", "kafka."), "a closed consumer leaves no meter behind");
            assertFalse(metered(k, "svc-outbox", "kafka."), "a closed producer leaves no meter behind");
        } finally {
            k.stopRefreshing();
        }
    }

    private static boolean metered(KafkaClients k, String clientId, String prefix) {
        return k.registry.getMeters().stream()
                .anyMatch(m -> clientId.equals(m.getId().getTag("client.id"))
                        && m.getId().getName().startsWith(prefix));
    }
}
