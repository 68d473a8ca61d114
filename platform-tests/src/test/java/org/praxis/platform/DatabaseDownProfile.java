package org.praxis.platform;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.praxis.testsupport.EmbeddedKafka;
import org.praxis.testsupport.FreePorts;
import org.praxis.testsupport.MockOidcIssuer;

/**
 * Starts the service with its database pointed at a port where nothing listens (Kafka and OIDC stay
 * real), to show that readiness reports the database DOWN.
 */
public class DatabaseDownProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/praxis",
                "quarkus.datasource.username", "nobody",
                "quarkus.datasource.password", "nothing",
                "quarkus.flyway.migrate-at-start", "false",
                "praxis.outbox.relay-enabled", "false",
                "praxis.inbox.enabled", "false",
                "kafka.bootstrap.servers", EmbeddedKafka.shared().bootstrapServers(),
                "quarkus.oidc.auth-server-url", MockOidcIssuer.shared().issuer());
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
