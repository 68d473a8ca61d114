package org.praxis.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.privacy.ErasedSubjects;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds other services' events to this service's {@link EventHandler}s, each event once: the handler
 * runs in a transaction that inserts {@code (handler, ce_id)} into the inbox, so a redelivered event
 * changes nothing. Offsets are committed only after the records were applied. An event that keeps
 * failing goes to {@code <topic>.dlq} with the error in its headers, and consumption goes on.
 */
@ApplicationScoped
public class InboxConsumer {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    public static final String DLQ_SUFFIX = ".dlq";
    public static final String DLQ_ERROR = "praxis_dlq_error";
    public static final String DLQ_CONSUMER = "praxis_dlq_consumer";
    public static final String DLQ_ORIGIN = "praxis_dlq_origin";

    @Inject
    @Any
    Instance<EventHandler> handlers;
    @Inject
    DataSource dataSource;
    @Inject
    PraxisConfig config;
    @Inject
    KafkaClients kafka;
    @Inject
    ObjectMapper json;
    @Inject
    EventCatalogue catalogue;
    @Inject
    ParkedEvents parked;
    @Inject
    ErasedSubjects erasedSubjects;

    private volatile boolean running;
    private final List<TopicLoop> loops = new ArrayList<>();
    private KafkaProducer<String, String> deadLetters;

    void onStart(@Observes StartupEvent event) {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        if (!config.inbox().enabled() || topics.isEmpty()) {
            return;
        }
        deadLetters = kafka.producer(config.service() + "-dlq");
        running = true;
        // One consumer and thread per topic: a slow privacy or assessment handler never delays risk flags.
        for (String topic : topics) {
            TopicLoop loop = new TopicLoop(topic);
            loops.add(loop);
            loop.thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loops.isEmpty()) {
            return;
        }
        running = false;
        loops.forEach(TopicLoop::wakeup);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (TopicLoop loop : loops) {
            try {
                loop.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    /** The oldest "last came back from a poll" over the topics (for health); null before the first poll. */
    public Instant lastPoll() {
        Instant oldest = null;
        for (TopicLoop loop : loops) {
            Instant at = loop.lastPoll;
            if (at == null) {
                return null;
            }
            oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
        }
        return oldest;
    }

    /** The last client error a topic's consumer recovered from, or null. */
    public String lastFailure() {
        return loops.stream().map(l -> l.lastFailure).filter(java.util.Objects::nonNull).reduce((a, b) -> b).orElse(null);
    }

    /** True when this service consumes topics at all. */
    public boolean started() {
        return !loops.isEmpty();
    }

    /** False when a consumer thread is gone while the service still runs: its topic's events would wait. */
    public boolean alive() {
        return !loops.isEmpty() && (!running || loops.stream().allMatch(l -> l.thread.isAlive()));
    }

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** The consumer of one topic, on its own thread. */
    private final class TopicLoop {
        private final String topic;
        private final Thread thread;
        private volatile KafkaConsumer<String, String> consumer;
        private volatile Instant lastPoll;
        private volatile String lastFailure;
        /** Per partition, the offset after the last record applied (or dead-lettered): what may be committed. */
        private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();

        TopicLoop(String topic) {
            this.topic = topic;
            this.thread = new Thread(this::run, "inbox-" + topic);
            this.thread.setDaemon(true);
        }

        void wakeup() {
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        /**
         * The thread never dies of a client error (a commit timeout after a broker outage, being fenced
         * after a long database wait): it closes the consumer, backs off and subscribes again; the next
         * consumer starts from the committed offsets, and the inbox drops what comes twice.
         */
        private void run() {
            Duration backoff = Duration.ofSeconds(1);
            while (running) {
                try {
                    consumer = kafka.consumer(config.service(), config.service() + "-inbox-" + topic,
                            config.inbox().autoOffsetReset());
                    loop();
                    backoff = Duration.ofSeconds(1);
                } catch (WakeupException e) {
                    // shutting down
                } catch (RuntimeException e) {
                    lastFailure = Instant.now() + " " + e;
                    LOG.errorf(e, "inbox consumer of %s failed; recreating it in %s", topic, backoff);
                    closeQuietly();
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    continue;
                }
                closeQuietly();
            }
        }

        private void loop() {
            // Offsets are committed at most once per commit-interval, not after every poll: a commit is a
            // round trip and a write to __consumer_offsets, and at a few hundred events a second those
            // writes cost the broker and the consumer more than the events themselves (see bench/REPORT.md).
            // What a crash or a rebalance redelivers, the inbox drops by (handler, ce_id).
            long interval = config.inbox().commitInterval().toNanos();
            long lastCommit = System.nanoTime();
            applied.clear();
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Runs inside poll() on this thread: hand over exactly what was applied, nothing beyond.
                    try {
                        commitApplied(partitions);
                    } catch (RuntimeException e) {
                        LOG.warnf("offset commit on revocation failed; the next owner gets those events again: %s", e.getMessage());
                    }
                    applied.keySet().removeAll(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // Another member may own them already: committing now would fail or overwrite its progress.
                    applied.keySet().removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // nothing to do: positions come from the committed offsets
                }
            });
            LOG.infof("inbox consumer %s reading %s", config.service(), topic);
            try {
                while (running) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    lastPoll = Instant.now();
                    for (ConsumerRecord<String, String> record : records) {
                        // On shutdown, stop at a record boundary: what is not applied is not committed, so the
                        // next owner of the partition receives it.
                        if (!running || !process(record)) {
                            break;
                        }
                        applied.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    }
                    if (!applied.isEmpty() && System.nanoTime() - lastCommit >= interval) {
                        commitApplied(null);
                        lastCommit = System.nanoTime();
                    }
                }
            } finally {
                if (!applied.isEmpty()) {
                    try {
                        commitApplied(null);
                    } catch (RuntimeException e) {
                        LOG.warnf("last offset commit failed; the inbox will drop what comes again: %s", e.getMessage());
                    }
                }
            }
        }

        /** Commits the applied offsets of {@code partitions} (all when null), then forgets them. */
        private void commitApplied(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(applied);
            if (partitions != null) {
                offsets.keySet().retainAll(partitions);
            }
            if (offsets.isEmpty()) {
                return;
            }
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            offsets.forEach((tp, offset) -> applied.remove(tp, offset));
        }

        private void closeQuietly() {
            KafkaConsumer<String, String> current = consumer;
            consumer = null;
            if (current != null) {
                try {
                    current.close(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.debugf("closing the consumer: %s", e.getMessage());
                }
            }
        }
    }

    /**
     * Applies the record to every handler of its type; parks it when its type is unknown to this
     * version; false when shutdown came before it was fully applied.
     */
    boolean process(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = parse(record);
        } catch (UnprocessableEvent e) {
            return deadLetter(record, e, "inbox");
        }
        boolean taken = false;
        for (EventHandler handler : handlers) {
            if (handler.topics().contains(record.topic()) && handler.handles(event.type())) {
                taken = true;
                if (!deliver(handler, event, record)) {
                    return false;
                }
            }
        }
        if (!taken && !catalogue.knows(event.type())) {
            // A newer publisher's type (a v2, or one only newer versions of this service handle):
            // skipping it would lose it for good during a rolling deploy.
            return retrying("parking " + event.id(), () -> parked.park(record, event));
        }
        return true;
    }

    /** Whether this version can do something with {@code type} on {@code topic}: apply it, or knowingly ignore it. */
    boolean knows(String topic, String type) {
        if (catalogue.knows(type)) {
            return true;
        }
        for (EventHandler handler : handlers) {
            if (handler.topics().contains(topic) && handler.handles(type)) {
                return true;
            }
        }
        return false;
    }

    /** Runs a database step until it succeeds; false when shutdown came first. */
    private boolean retrying(String what, Runnable step) {
        for (int attempt = 1; running; attempt++) {
            try {
                step.run();
                return true;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (try %d), retrying: %s", what, attempt, rootCause(e));
                sleep(config.inbox().retryBackoff().multipliedBy(Math.min(attempt, 150)));
            }
        }
        return false;
    }

    /** True once the handler applied the event (or it was dead-lettered); false when shutdown interrupted the tries. */
    private boolean deliver(EventHandler handler, IncomingEvent event, ConsumerRecord<String, String> record) {
        int attempt = 0;
        while (running) {
            attempt++;
            try {
                applyOnce(handler, event);
                return true;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    // Not the event's fault (database away, failover, deadlock, lock or pool timeout,
                    // optimistic lock): retry with a growing pause instead of dead-lettering good events.
                    LOG.warnf("transient failure applying %s (try %d), retrying: %s", event.id(), attempt, rootCause(e));
                    sleep(config.inbox().retryBackoff().multipliedBy(Math.min(attempt, 150)));
                    continue;
                }
                if (e instanceof UnprocessableEvent || attempt >= config.inbox().maxAttempts()) {
                    if (!deadLetter(record, e, handler.name())) {
                        return false;
                    }
                    markDeadLettered(handler, event, record);
                    return true;
                }
                LOG.debugf(e, "attempt %d of event %s failed", attempt, event.id());
                sleep(config.inbox().retryBackoff().multipliedBy(Math.max(1, attempt)));
            }
        }
        return false;
    }

    private void applyOnce(EventHandler handler, IncomingEvent event) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CallerContext.class).get().actAs(Caller.system(config.service(), event.tenantId()));
            QuarkusTransaction.requiringNew().run(() -> {
                if (!claim(handler.name(), event, "applied")) {
                    return;
                }
                IncomingEvent screened = erasedSubjects.screen(event);
                if (screened == null) {
                    outcome(handler, event, "erased-subject"); // sent before the person's erasure, read after it
                } else if (handler.replacesState() && !newest(handler, event)) {
                    outcome(handler, event, "superseded"); // newer state for this key was applied already
                } else {
                    handler.handle(screened);
                }
            });
        } finally {
            requestContext.terminate();
        }
    }

    /** Inserts the inbox row; false when this handler has seen the event already. */
    private boolean claim(String consumerName, IncomingEvent event, String outcome) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into inbox_event (consumer, event_id, topic, event_type, outcome) values (?, ?, ?, ?, ?)"
                        + " on conflict do nothing")) {
            s.setString(1, consumerName);
            s.setString(2, event.id());
            s.setString(3, event.topic());
            s.setString(4, event.type());
            s.setString(5, outcome);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox insert failed", e);
        }
    }

    private void outcome(EventHandler handler, IncomingEvent event, String outcome) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update inbox_event set outcome = ? where consumer = ? and event_id = ?")) {
            s.setString(1, outcome);
            s.setString(2, handler.name());
            s.setString(3, event.id());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox update failed", e);
        }
    }

    /**
     * Records the event's {@code ce_sequence} as the last applied for its key when it is newer than the
     * one recorded; false when an event at least as new was applied already. Events without a sequence
     * (an older publisher) always apply.
     */
    private boolean newest(EventHandler handler, IncomingEvent event) {
        if (event.sequence() == null || event.key() == null) {
            return true;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into applied_sequence (consumer, tenant_id, aggregate_id, sequence) values (?, ?, ?, ?)"
                        + " on conflict (consumer, tenant_id, aggregate_id) do update set sequence = excluded.sequence,"
                        + " applied_at = now() where applied_sequence.sequence < excluded.sequence")) {
            s.setString(1, handler.name());
            s.setString(2, event.tenantId());
            s.setString(3, event.key());
            s.setLong(4, event.sequence());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("applied sequence update failed", e);
        }
    }

    private void markDeadLettered(EventHandler handler, IncomingEvent event, ConsumerRecord<String, String> record) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (claim(handler.name(), event, "dead-lettered")) {
                    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                            "update inbox_event set record_digest = ? where consumer = ? and event_id = ?")) {
                        s.setString(1, digest(record));
                        s.setString(2, handler.name());
                        s.setString(3, event.id());
                        s.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException("inbox update failed", e);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("could not record dead-lettered event %s: %s", event.id(), e.getMessage());
        }
    }

    /**
     * What a dead-letter mark stands for: topic, key, value and the CloudEvents headers of the record.
     * A replay applies only a record with this digest (the dead-letter topic is shared by consumers).
     */
    static String digest(ConsumerRecord<String, String> record) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add = part -> {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(part == null ? -1 : bytes.length).array());
                sha.update(bytes);
            };
            add.accept(record.topic().endsWith(DLQ_SUFFIX)
                    ? record.topic().substring(0, record.topic().length() - DLQ_SUFFIX.length()) : record.topic());
            add.accept(record.key());
            add.accept(record.value());
            java.util.TreeMap<String, String> headers = new java.util.TreeMap<>();
            for (org.apache.kafka.common.header.Header h : record.headers()) {
                if (h.key().startsWith("ce_")) {
                    headers.put(h.key(), h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            headers.forEach((k, v) -> {
                add.accept(k);
                add.accept(v);
            });
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private IncomingEvent parse(ConsumerRecord<String, String> record) {
        String id = CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        String tenant = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TENANT);
        if (id == null || type == null || tenant == null) {
            throw new UnprocessableEvent("missing ce_id, ce_type or ce_tenant header");
        }
        String source = CloudEventHeaders.get(record.headers(), CloudEventHeaders.SOURCE);
        String owner = EventSources.ownerOf(record.topic(), config.inbox().sources());
        if (!owner.equals(source)) {
            // A service's Kafka user may write only its own topic; this catches what ACLs cannot see.
            throw new UnprocessableEvent("ce_source " + EventSources.shown(source) + " is not " + owner
                    + ", the only publisher of " + record.topic());
        }
        try {
            UUID.fromString(id);
            String time = CloudEventHeaders.get(record.headers(), CloudEventHeaders.TIME);
            JsonNode payload = json.readTree(record.value() == null ? "" : record.value());
            if (payload == null || !payload.isObject()) {
                throw new UnprocessableEvent("payload is not a JSON object");
            }
            String sequence = CloudEventHeaders.get(record.headers(), CloudEventHeaders.SEQUENCE);
            return new IncomingEvent(id, type, source,
                    tenant, time == null ? null : Instant.parse(time), record.topic(), record.key(), payload,
                    sequence == null ? null : Long.valueOf(sequence));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw new UnprocessableEvent("malformed event: " + e.getMessage(), e);
        }
    }

    /** True once the dead-letter topic has the record; false when shutdown came first. */
    private boolean deadLetter(ConsumerRecord<String, String> record, Exception error, String consumerName) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + DLQ_SUFFIX, record.key(), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        CloudEventHeaders.put(dead.headers(), DLQ_ERROR, String.valueOf(rootCause(error)));
        CloudEventHeaders.put(dead.headers(), DLQ_CONSUMER, config.service() + "/" + consumerName);
        CloudEventHeaders.put(dead.headers(), DLQ_ORIGIN,
                record.topic() + "/" + record.partition() + "/" + record.offset());
        while (running) {
            try {
                deadLetters.send(dead).get(10, java.util.concurrent.TimeUnit.SECONDS);
                LOG.warnf("event at %s/%d/%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                        rootCause(error));
                return true;
            } catch (Exception e) {
                // Never skip an event silently: keep trying until the dead-letter topic takes it.
                LOG.warnf("dead-letter send failed, retrying: %s", e.getMessage());
                sleep(config.inbox().retryBackoff());
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** SQL states that say "try again later", not "this event is wrong". */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "25006", "53000", "53100", "53200", "53300");

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                return true; // Agroal's pool: every connection busy
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
