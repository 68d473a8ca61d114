package org.praxis.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;

/**
 * The events this service dead-lettered, read back from the {@code <topic>.dlq} topics, and their
 * replay: after the cause is fixed (a deploy, a missing row restored), the inbox mark that blocked the
 * original record is cleared and this service's inbox applies the record again, with its own
 * {@code ce_id}, once. See docs/runbook.md.
 */
@ApplicationScoped
public class DeadLetters {
    /** At most this many records are read back per dead-letter partition (newest kept). */
    static final int READ_BACK = 10_000;

    @Inject
    KafkaClients kafka;

    @Inject
    PraxisConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    AuditLog audit;

    @Inject
    InboxMarks marks;

    @Inject
    Instance<InboxConsumer> inbox;

    /** The tenant's dead letters of this service, newest first. */
    public List<DeadLetter> list(String tenant, int limit) {
        // Sorted and cut before the views are made: each view asks the inbox for its state, and up to
        // READ_BACK records per partition are read back, of which only {@code limit} are answered.
        return readBack(tenant).stream()
                .sorted(Comparator.comparing((ConsumerRecord<String, String> r) ->
                                occurredAt(CloudEventHeaders.get(r.headers(), CloudEventHeaders.TIME), r.timestamp()))
                        .reversed())
                .limit(limit)
                .map(this::view)
                .toList();
    }

    /** Puts the dead-lettered event back on its topic and clears its inbox mark (audited); 404 when the tenant has no such dead letter. */
    public DeadLetter replay(String tenant, String eventId) {
        List<ConsumerRecord<String, String>> candidates = readBack(tenant).stream()
                .filter(r -> eventId.equals(CloudEventHeaders.get(r.headers(), CloudEventHeaders.ID)))
                .toList();
        if (candidates.isEmpty()) {
            throw ProblemException.notFound("Dead letter " + eventId);
        }
        ConsumerRecord<String, String> dead = null;
        String handler = null;
        // Only the record this service dead-lettered: its mark names the handler and holds the record's
        // digest. Anything else on the shared dead-letter topic under this ce_id is not replayed.
        for (ConsumerRecord<String, String> candidate : candidates) {
            String h = handlerOf(candidate);
            if (h != null && InboxMarks.digest(candidate).equals(marks.deadLetteredDigest(h, eventId))) {
                dead = candidate;
                handler = h;
            }
        }
        if (dead == null) {
            throw ProblemException.conflict(
                    "Dead letter " + eventId + " is not waiting for a replay here (applied already,"
                            + " or not the record this service dead-lettered).");
        }
        String topic = dead.topic().substring(0, dead.topic().length() - InboxConsumer.DLQ_SUFFIX.length());
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        for (Header h : dead.headers()) {
            if (!h.key().startsWith("praxis_dlq_")) {
                headers.add(h);
            }
        }
        // Applied here, by this service's own inbox, not sent back to the topic: the topic belongs to
        // its publisher (a service's Kafka user may write only its own), and the other consumers of it
        // have it already. The inbox marks of this service's other handlers keep them from applying it twice.
        ConsumerRecord<String, String> again = new ConsumerRecord<>(
                topic,
                dead.partition(),
                dead.offset(),
                dead.timestamp(),
                dead.timestampType(),
                -1,
                -1,
                dead.key(),
                dead.value(),
                headers,
                java.util.Optional.empty());
        String markOwner = handler;
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "delete from inbox_event where consumer = ? and event_id = ? and outcome = 'dead-lettered'")) {
                s.setString(1, markOwner);
                s.setString(2, eventId);
                if (s.executeUpdate() != 1) {
                    throw ProblemException.conflict("Dead letter " + eventId + " was replayed meanwhile.");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not clear the inbox mark of " + eventId, e);
            }
            audit.record("replay", "dead-letter", eventId, markOwner);
        });
        // On a thread of its own, as the consumer would: the inbox acts as the service for the event's
        // tenant in a request context of its own, not in the admin's.
        // The mark is put back there too when the service stopped first or the apply threw (a mark there: nothing),
        // so it is back for the next replay even when this request gave up waiting.
        java.util.concurrent.CompletableFuture<Boolean> applied = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    boolean processed = false;
                    try {
                        processed = inbox.get().process(again, markOwner);
                        return processed;
                    } finally {
                        if (!processed) { // stopped or threw: neither applied nor dead-lettered again
                            QuarkusTransaction.requiringNew()
                                    .run(() -> marks.deadLetteredAgain(
                                            markOwner, eventId, topic, InboxMarks.digest(again)));
                        }
                    }
                },
                runnable -> new Thread(runnable, "dlq-replay").start());
        boolean done;
        try {
            done = applied.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not apply " + eventId + " again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying " + eventId, e);
        }
        if (!done) {
            // The service is stopping: the record was neither applied nor dead-lettered again (its mark is back).
            throw new ProblemException(Problem.of(
                    503,
                    "unavailable",
                    "Service stopping",
                    "The service is stopping; replay " + eventId + " again in a moment."));
        }
        return view(dead);
    }

    private List<ConsumerRecord<String, String>> readBack(String tenant) {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> h.topics().forEach(t -> topics.add(t + InboxConsumer.DLQ_SUFFIX)));
        String mine = config.service() + "/";
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = kafka.reader(config.service() + "-dlq-reader")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return out;
            }
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition tp : partitions) {
                reader.seek(tp, Math.max(starts.get(tp), ends.get(tp) - READ_BACK));
            }
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(tp -> reader.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    String by = CloudEventHeaders.get(r.headers(), InboxConsumer.DLQ_CONSUMER);
                    if (by != null
                            && by.startsWith(mine)
                            && tenant.equals(CloudEventHeaders.get(r.headers(), CloudEventHeaders.TENANT))) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    private String handlerOf(ConsumerRecord<String, String> r) {
        String by = CloudEventHeaders.get(r.headers(), InboxConsumer.DLQ_CONSUMER);
        return by == null ? "" : by.substring(by.indexOf('/') + 1);
    }

    private DeadLetter view(ConsumerRecord<String, String> r) {
        String id = CloudEventHeaders.get(r.headers(), CloudEventHeaders.ID);
        String handler = handlerOf(r);
        String time = CloudEventHeaders.get(r.headers(), CloudEventHeaders.TIME);
        return new DeadLetter(
                id,
                CloudEventHeaders.get(r.headers(), CloudEventHeaders.TYPE),
                CloudEventHeaders.get(r.headers(), CloudEventHeaders.TENANT),
                r.topic().substring(0, r.topic().length() - InboxConsumer.DLQ_SUFFIX.length()),
                r.key(),
                handler,
                CloudEventHeaders.get(r.headers(), InboxConsumer.DLQ_ERROR),
                CloudEventHeaders.get(r.headers(), InboxConsumer.DLQ_ORIGIN),
                occurredAt(time, r.timestamp()),
                marks.outcomeOf(handler, id));
    }

    private static Instant occurredAt(String ceTime, long recordTimestamp) {
        try {
            return ceTime == null ? Instant.ofEpochMilli(recordTimestamp) : Instant.parse(ceTime);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.ofEpochMilli(recordTimestamp); // a malformed time may be why it was dead-lettered
        }
    }
}
