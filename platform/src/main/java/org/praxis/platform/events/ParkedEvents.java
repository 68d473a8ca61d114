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
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.persistence.SingletonJobs;

/**
 * Events kept instead of skipped or applied too early: those of a type this version does not know
 * (during a rolling deploy the old pods read what only the new ones handle), and those waiting for a
 * source's confirmation of an erasure ({@code waiting_for}, {@link org.praxis.platform.privacy.ErasureUnderWay}).
 * Every {@code praxis.inbox.parked-retry-interval}, or when a confirmation arrives ({@link #wake}), one
 * replica offers them again; once the running version knows the type, the record goes through the
 * inbox like any other (applied once, dropped as not for this service, or parked again while it still
 * waits) and leaves the table.
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
    private final Semaphore wakeUps = new Semaphore(0);

    void onStart(@Observes StartupEvent event) {
        Duration interval = config.inbox().parkedRetryInterval();
        if (!config.inbox().enabled()) {
            return;
        }
        // 0: no periodic offer, but events waiting for a confirmation still go through when it arrives.
        long waitMillis = interval.isZero() ? Long.MAX_VALUE : interval.toMillis();
        Thread w = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                            wakeUps.drainPermits();
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

    /** Offers the parked events again soon, not at the next interval: what one waited for has arrived. */
    public void wake() {
        wakeUps.release();
    }

    /**
     * Keeps the record (once: its topic, partition and offset are its key); called by the consumer.
     * {@code waitingFor}: null for a type this version does not know, else what it waits for, and then
     * {@code handler}, the one handler it waits for (offered again, it reaches only that one). Parked
     * again (still waiting when offered), it counts a try and goes to the back of the queue.
     */
    void park(ConsumerRecord<String, String> record, IncomingEvent event, String waitingFor, String handler) {
        Map<String, String> headers = new java.util.TreeMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into parked_event (topic, kafka_partition, kafka_offset, event_id, event_type, tenant_id, record_key,"
                                + " record_value, headers, waiting_for, handler) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)"
                                + " on conflict (topic, kafka_partition, kafka_offset, handler) do update set"
                                + " tries = parked_event.tries + 1, parked_at = now(), waiting_for = excluded.waiting_for")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            s.setString(4, event.id());
            s.setString(5, event.type());
            s.setString(6, event.tenantId());
            s.setString(7, record.key());
            s.setString(8, record.value());
            s.setString(9, json.writeValueAsString(headers));
            s.setString(10, waitingFor);
            s.setString(11, handler == null ? "" : handler);
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not park event " + event.id(), e);
        }
        LOG.warnf(
                "event %s of type %s parked (%s/%d/%d): %s",
                event.id(),
                event.type(),
                record.topic(),
                record.partition(),
                record.offset(),
                waitingFor == null ? "unknown here until a version that knows it runs" : waitingFor);
    }

    /** A parked record as offered, with the tries it had then: parked again meanwhile, it has more. */
    private record Offer(ConsumerRecord<String, String> record, String handler, int tries) {}

    /**
     * Offers every parked event whose type this version now knows to the inbox, oldest first, on one
     * replica at a time, each at most once a run; returns how many left the table (-1 when another
     * replica is at it).
     */
    public int retry() {
        return jobs.runAlone("inbox-parked-retry", () -> {
                    // Those parked again go to the back: without a bound, they would be offered for ever.
                    Timestamp start = one("select clock_timestamp()", Timestamp.class); // parked_at's clock
                    int done = 0;
                    List<Offer> batch;
                    do {
                        batch = knownNow(start);
                        for (Offer offer : batch) {
                            if (!inbox.process(offer.record(), offer.handler().isEmpty() ? null : offer.handler())) {
                                return done; // shutting down: the row stays for the next run
                            }
                            done += remove(offer);
                        }
                    } while (batch.size() == BATCH);
                    return done;
                })
                .orElse(-1);
    }

    /** Events waiting, for the metric. */
    public long count() {
        return one("select count(*) from parked_event", Long.class);
    }

    private <T> T one(String sql, Class<T> type) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getObject(1, type);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Up to a batch of what may be offered, parked before {@code start}: one parked again during the run waits for the next. */
    private List<Offer> knownNow(Timestamp start) {
        List<Offer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> unknown = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select topic, kafka_partition, kafka_offset, event_type, record_key, record_value, headers::text,"
                            + " tries, handler from parked_event where parked_at < ?"
                            + " order by parked_at, topic, kafka_partition, kafka_offset, handler")) {
                s.setTimestamp(1, start);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && out.size() < BATCH) {
                        if (!inbox.knows(rs.getString(1), rs.getString(4))) {
                            unknown.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                            continue;
                        }
                        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                                rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(5), rs.getString(6));
                        json.readValue(rs.getString(7), new TypeReference<Map<String, String>>() {})
                                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                        out.add(new Offer(record, rs.getString(9), rs.getInt(8)));
                    }
                }
            }
            // Count the tries of what is still unknown, so an operator sees how long it has waited.
            try (PreparedStatement s = c.prepareStatement("update parked_event set tries = tries + 1"
                    + " where topic = ? and kafka_partition = ? and kafka_offset = ?")) {
                for (String[] key : unknown) {
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

    /** Removes the offered row unless it was parked again while offered (its tries moved); 1 when removed. */
    private int remove(Offer offer) {
        ConsumerRecord<String, String> record = offer.record();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("delete from parked_event where topic = ? and kafka_partition = ?"
                                + " and kafka_offset = ? and handler = ? and tries = ?")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            s.setString(4, offer.handler());
            s.setInt(5, offer.tries());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
