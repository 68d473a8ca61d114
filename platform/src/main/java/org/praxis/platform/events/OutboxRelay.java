package org.praxis.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;

/**
 * Sends committed outbox rows to Kafka, in order, and marks them sent. However many replicas run, one
 * relays at a time: each batch first takes a transaction-scoped advisory lock, and a replica that
 * does not get it sends nothing this round (were two to send side by side, one aggregate's events could
 * overtake each other). The lock goes with the transaction, so a replica that dies hands over at once.
 * Every record carries {@code ce_sequence} (the row's outbox sequence, increasing per service and so
 * per aggregate), so a consumer can tell an older event from a newer one.
 * While Kafka is away the rows wait and the relay backs off; nothing is lost. A row sent whose mark
 * did not commit is sent again: consumers drop it by its {@code ce_id} (inbox).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    DataSource dataSource;

    @Inject
    PraxisConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    RetentionSweep retention;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void onStart(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            running = true;
            worker = new Thread(this::loop, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(config.outbox().sendTimeout().toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        }
    }

    /** Called after a commit that wrote outbox rows, so they leave at once rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                int sent = relayBatch();
                failures = 0;
                retention.pruneIfDue();
                if (sent < config.outbox().batchSize()) {
                    wakeUps.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                long backoff = Math.min(config.outbox().maxBackoff().toMillis(), 250L << Math.min(failures, 10));
                LOG.warnf("outbox relay failed %d time(s), next try in %d ms: %s", failures, backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims one batch of pending rows, sends them and marks the sent ones, in one transaction.
     * Throws when a send failed, after marking those before it.
     *
     * @return how many rows were sent
     */
    public int relayBatch() {
        RuntimeException[] failure = new RuntimeException[1];
        int sent = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!holdsRelayLock(c, RELAY_LOCK)) {
                    return 0;
                }
                List<OutboxRows.Row> rows = OutboxRows.claim(c, config.outbox().batchSize());
                if (rows.isEmpty()) {
                    return 0;
                }
                KafkaProducer<String, String> p = producer();
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (OutboxRows.Row row : rows) {
                    Future<RecordMetadata> ack = p.send(record(row));
                    acks.add(ack);
                    if (ack.isDone() && failed(ack)) {
                        // send() blocks up to max.block.ms while the partition has no leader, and
                        // then fails: do not wait that long again for every other row of the batch.
                        break;
                    }
                }
                List<UUID> done = new ArrayList<>();
                for (int i = 0; i < acks.size(); i++) {
                    try {
                        acks.get(i).get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                        done.add(rows.get(i).id());
                    } catch (Exception e) {
                        // Stop at the first failure so an aggregate's later events never overtake it.
                        failure[0] = new IllegalStateException(
                                "send of outbox row " + rows.get(i).id() + " failed", e);
                        OutboxRows.markFailed(c, rows.subList(i, rows.size()), e);
                        break;
                    }
                }
                OutboxRows.markSent(c, done);
                return done.size();
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return sent;
    }

    /** Advisory lock key (per database, so per service) of the relay; {@link RetentionSweep} has the next one. */
    static final long RELAY_LOCK = 0x5072_6178_6973_0001L;

    static boolean holdsRelayLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private ProducerRecord<String, String> record(OutboxRows.Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.ID, row.id().toString());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TYPE, row.type());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SOURCE, sourceOf(row.topic()));
        CloudEventHeaders.put(
                record.headers(), CloudEventHeaders.TIME, row.occurredAt().toString());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.TENANT, row.tenantId());
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.SEQUENCE, Long.toString(row.seq()));
        CloudEventHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    /**
     * The service's own topic carries its name; another topic it writes for a process it acts for
     * ({@code privacy.events}, the erasure coordinator) carries that topic's owner, as consumers expect.
     */
    private String sourceOf(String topic) {
        return topic.equals(config.events().topic())
                ? "/" + config.service()
                : EventSources.ownerOf(topic, config.inbox().sources());
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer(config.service() + "-outbox");
        }
        return producer;
    }
}
