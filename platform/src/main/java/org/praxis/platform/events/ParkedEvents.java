package org.praxis.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.persistence.SingletonJobs;

/**
 * Events of a type this version does not know, kept instead of skipped: during a rolling deploy the
 * old pods read what only the new ones handle. Every {@code praxis.inbox.parked-retry-interval} one
 * replica offers them again; once the running version knows the type, the record goes through the
 * inbox like any other (applied once, or dropped as not for this service) and leaves the table.
 * {@code praxis_inbox_parked} counts what waits (alarm EventsParked, docs/runbook.md).
 */
@ApplicationScoped
public class ParkedEvents {
    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    static final int BATCH = 100;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    PraxisConfig config;

    @Inject
    SingletonJobs jobs;

    @Inject
    InboxConsumer inbox;

    private volatile Thread worker;

    void onStart(@Observes StartupEvent event) {
        Duration interval = config.inbox().parkedRetryInterval();
        if (!config.inbox().enabled() || interval.isZero()) {
            return;
        }
        Thread w = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            Thread.sleep(interval.toMillis());
                            retry();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            LOG.warnf(
                                    "offering parked events again failed; next try in %s: %s",
                                    interval, e.getMessage());
                        }
                    }
                },
                "parked-events");
        w.setDaemon(true);
        worker = w;
        w.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }

    /** Keeps the record (once: its topic, partition and offset are its key); called by the consumer. */
    void park(ConsumerRecord<String, String> record, IncomingEvent event) {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into parked_event (topic, kafka_partition, kafka_offset, event_id, event_type, tenant_id, record_key,"
                                + " record_value, headers) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            s.setString(4, event.id());
            s.setString(5, event.type());
            s.setString(6, event.tenantId());
            s.setString(7, record.key());
            s.setString(8, record.value());
            s.setString(9, json.writeValueAsString(headers));
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not park event " + event.id(), e);
        }
        LOG.warnf(
                "event %s of unknown type %s parked (%s/%d/%d) until a version that knows it runs",
                event.id(), event.type(), record.topic(), record.partition(), record.offset());
    }

    /**
     * Offers every parked event whose type this version now knows to the inbox, oldest first, on one
     * replica at a time; returns how many left the table (-1 when another replica is at it).
     */
    public int retry() {
        return jobs.runAlone("inbox-parked-retry", () -> {
                    int done = 0;
                    List<ConsumerRecord<String, String>> batch;
                    do {
                        batch = knownNow();
                        for (ConsumerRecord<String, String> record : batch) {
                            if (!inbox.process(record)) {
                                return done; // shutting down: the row stays for the next run
                            }
                            remove(record);
                            done++;
                        }
                    } while (batch.size() == BATCH);
                    return done;
                })
                .orElse(-1);
    }

    /** Events waiting, for the metric. */
    public long count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from parked_event");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ConsumerRecord<String, String>> knownNow() {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> unknown = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select topic, kafka_partition, kafka_offset, event_type, record_key,"
                            + " record_value, headers::text from parked_event order by parked_at, topic, kafka_partition, kafka_offset")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && out.size() < BATCH) {
                        if (!inbox.knows(rs.getString(1), rs.getString(4))) {
                            unknown.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                            continue;
                        }
                        RecordHeaders headers = new RecordHeaders();
                        Map<String, String> stored =
                                json.readValue(rs.getString(7), new TypeReference<Map<String, String>>() {});
                        stored.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                        out.add(new ConsumerRecord<>(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getLong(3),
                                0L,
                                org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE,
                                -1,
                                -1,
                                rs.getString(5),
                                rs.getString(6),
                                headers,
                                java.util.Optional.empty()));
                    }
                }
            }
            // Count the tries of what is still unknown, so an operator sees how long it has waited.
            try (PreparedStatement s = c.prepareStatement("update parked_event set tries = tries + 1"
                    + " where topic = ? and kafka_partition = ? and kafka_offset = ?")) {
                for (Iterator<String[]> it = unknown.iterator(); it.hasNext(); ) {
                    String[] key = it.next();
                    s.setString(1, key[0]);
                    s.setInt(2, Integer.parseInt(key[1]));
                    s.setLong(3, Long.parseLong(key[2]));
                    s.addBatch();
                }
                s.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read parked events", e);
        }
        return out;
    }

    private void remove(ConsumerRecord<String, String> record) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "delete from parked_event where topic = ? and kafka_partition = ? and kafka_offset = ?")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
