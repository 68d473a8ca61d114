package org.praxis.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * What an operator alarms on (docs/runbook.md): the age of the oldest unsent outbox row (the relay
 * or Kafka is stuck), events this service dead-lettered, and whether its consumer is alive.
 * Gauges are read at scrape time; each is one indexed query.
 */
@ApplicationScoped
public class EventMetrics {
    private static final Logger LOG = Logger.getLogger(EventMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    InboxConsumer consumer;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<EventHandler> handlers;

    void register(@Observes StartupEvent event) {
        Gauge.builder(
                        "praxis.outbox.oldest.unsent.seconds",
                        this,
                        m -> m.scalar(
                                "select coalesce(extract(epoch from now() - min(occurred_at)), 0) from outbox_event where sent_at is null"))
                .description("Age of the oldest outbox row not yet sent to Kafka")
                .register(registry);
        Gauge.builder(
                        "praxis.outbox.unsent",
                        this,
                        m -> m.scalar("select count(*) from outbox_event where sent_at is null"))
                .description("Outbox rows not yet sent to Kafka")
                .register(registry);
        // Per topic, so the alarm says where to look; the topics are the ones this service's handlers read.
        java.util.Set<String> topics = new java.util.TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        for (String topic : topics) {
            Gauge.builder(
                            "praxis.inbox.dead.lettered",
                            this,
                            m -> m.scalar(
                                    "select count(*) from inbox_event where outcome = 'dead-lettered' and topic = '"
                                            + topic.replace("'", "") + "'"))
                    .tag("topic", topic)
                    .description("Events of the topic this service sent to its dead-letter topic and has not replayed")
                    .register(registry);
        }
        Gauge.builder("praxis.inbox.parked", this, m -> m.scalar("select count(*) from parked_event"))
                .description("Events of a type this version does not know, waiting for a version that does")
                .register(registry);
        Gauge.builder("praxis.inbox.consumer.alive", consumer, c -> !c.started() || c.alive() ? 1 : 0)
                .description("1 while the event consumer runs (or the service consumes nothing)")
                .register(registry);
    }

    private double scalar(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("metric query failed: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
