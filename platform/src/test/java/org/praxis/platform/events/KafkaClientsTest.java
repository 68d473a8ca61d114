package org.praxis.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The secured-broker settings reach every client, and stay out when not set. */
class KafkaClientsTest {

    private static KafkaClients clients(Optional<String> protocol, Optional<String> jaas) {
        KafkaClients k = new KafkaClients();
        k.bootstrapServers = "kafka:9093";
        k.securityProtocol = protocol;
        k.saslMechanism = protocol.map(p -> "SCRAM-SHA-512");
        k.saslJaasConfig = jaas;
        k.truststoreType = protocol.map(p -> "PEM");
        k.truststoreLocation = protocol.map(p -> "/etc/kafka-ca/ca.crt");
        return k;
    }

    @Test
    void aSecuredBrokerGetsSaslAndTheClusterCa() {
        Properties p = clients(Optional.of("SASL_SSL"), Optional.of("org.apache.kafka.common.security.scram.ScramLoginModule required;"))
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
}
