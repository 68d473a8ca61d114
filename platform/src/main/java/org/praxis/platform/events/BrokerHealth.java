package org.praxis.platform.events;

import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the broker answers, in the health group {@code events} ({@code /q/health/group/events}),
 * not in readiness: while Kafka is away a service still takes writes (the outbox keeps the events),
 * so taking every pod out of its Service would turn a broker outage into a full one.
 */
@HealthGroup("events")
@ApplicationScoped
public class BrokerHealth implements HealthCheck {
    @Inject
    KafkaClients kafka;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("kafka");
        try {
            int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .size();
            return health.up().withData("brokers", brokers).build();
        } catch (Exception e) {
            return health.down()
                    .withData("error", String.valueOf(e.getCause() == null ? e : e.getCause()))
                    .build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            var p = kafka.connection();
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
            admin = Admin.create(p);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
