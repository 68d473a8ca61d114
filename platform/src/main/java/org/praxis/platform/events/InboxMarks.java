package org.praxis.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The inbox table: one row per (handler, event) with what became of it — {@code applied},
 * {@code dead-lettered} (with the digest of the record, so a replay applies only that record),
 * {@code superseded} (a state-replacing handler had newer state) or {@code erased-subject} — and,
 * per state-replacing handler and key, the last {@code ce_sequence} applied.
 */
@ApplicationScoped
class InboxMarks {
    static final String APPLIED = "applied";
    static final String DEAD_LETTERED = "dead-lettered";
    static final String SUPERSEDED = "superseded";
    static final String ERASED_SUBJECT = "erased-subject";
    /** Not stored: what a dead letter is once its replay cleared its mark. */
    static final String REPLAYED = "replayed";

    @Inject
    DataSource dataSource;

    /** Inserts the inbox row; false when this handler has seen the event already. */
    boolean claim(String consumerName, IncomingEvent event, String outcome) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
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

    void outcome(EventHandler handler, IncomingEvent event, String outcome) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("update inbox_event set outcome = ? where consumer = ? and event_id = ?")) {
            s.setString(1, outcome);
            s.setString(2, handler.name());
            s.setString(3, event.id());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox update failed", e);
        }
    }

    /**
     * Records the event's {@code ce_sequence} as the last applied for its state key when it is newer than the
     * one recorded; false when an event at least as new was applied already. Events without a sequence
     * (an older publisher) always apply.
     */
    boolean newest(EventHandler handler, IncomingEvent event) {
        String key = handler.stateKey(event);
        if (event.sequence() == null || key == null) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into applied_sequence (consumer, tenant_id, aggregate_id, sequence) values (?, ?, ?, ?)"
                                + " on conflict (consumer, tenant_id, aggregate_id) do update set sequence = excluded.sequence,"
                                + " applied_at = now() where applied_sequence.sequence < excluded.sequence")) {
            s.setString(1, handler.name());
            s.setString(2, event.tenantId());
            s.setString(3, key);
            s.setLong(4, event.sequence());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("applied sequence update failed", e);
        }
    }

    /**
     * The mark a replay needs. Its failure is thrown, not logged: without it the event's effect could never be had
     * again (replay answers 409), so the consumer retries it before it moves past the record.
     */
    void markDeadLettered(EventHandler handler, IncomingEvent event, ConsumerRecord<String, String> record) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (claim(handler.name(), event, DEAD_LETTERED)) {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement(
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
    }

    /**
     * What a dead-letter mark stands for: topic, key, value and the CloudEvents headers of the record.
     * A replay applies only a record with this digest (the dead-letter topic is shared by consumers).
     */
    public static String digest(ConsumerRecord<String, String> record) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add = part -> {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(4)
                        .putInt(part == null ? -1 : bytes.length)
                        .array());
                sha.update(bytes);
            };
            add.accept(
                    record.topic().endsWith(InboxConsumer.DLQ_SUFFIX)
                            ? record.topic().substring(0, record.topic().length() - InboxConsumer.DLQ_SUFFIX.length())
                            : record.topic());
            add.accept(record.key());
            add.accept(record.value());
            java.util.TreeMap<String, String> headers = new java.util.TreeMap<>();
            for (org.apache.kafka.common.header.Header h : record.headers()) {
                if (h.key().startsWith("ce_")) {
                    headers.put(
                            h.key(),
                            h.value() == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8));
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

    /** The digest of the record {@code handler} dead-lettered as {@code eventId}; null when it did not. */
    String deadLetteredDigest(String handler, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select record_digest from inbox_event where consumer = ? and event_id = ? and outcome = 'dead-lettered'")) {
            s.setString(1, handler);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks the event dead-lettered for {@code handler} again: its replay went back to the dead-letter topic. */
    void deadLetteredAgain(String handler, String eventId, String topic, String digest) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into inbox_event (consumer, event_id, topic, outcome, record_digest) values (?, ?, ?, 'dead-lettered', ?)"
                                + " on conflict do nothing")) {
            s.setString(1, handler);
            s.setString(2, eventId);
            s.setString(3, topic);
            s.setString(4, digest);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What became of the event for {@code handler}: its outcome, or replayed when its mark is gone. */
    String outcomeOf(String handler, String eventId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select outcome from inbox_event where consumer = ? and event_id = ?")) {
            s.setString(1, handler);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return !rs.next() ? REPLAYED : rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox query failed", e);
        }
    }
}
