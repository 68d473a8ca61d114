package org.praxis.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The {@code outbox_event} rows the {@link OutboxRelay} sends: claimed in order, then marked sent or failed. */
final class OutboxRows {
    private OutboxRows() {}

    record Row(
            long seq,
            UUID id,
            String tenantId,
            String topic,
            String aggregateId,
            String type,
            String payload,
            Instant occurredAt) {}

    /** The oldest unsent rows, at most {@code batchSize}, locked for this transaction (others skip them). */
    static List<Row> claim(Connection c, int batchSize) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select seq, id, tenant_id, topic, aggregate_id, event_type,"
                + " payload::text, occurred_at from outbox_event where sent_at is null order by seq limit ?"
                + " for update skip locked")) {
            s.setInt(1, batchSize);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant()));
                }
            }
            return rows;
        }
    }

    static void markSent(Connection c, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "update outbox_event set sent_at = now(), attempts = attempts + 1 where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        }
    }

    static void markFailed(Connection c, List<Row> rows, Exception e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where id = any(?)")) {
            s.setString(1, String.valueOf(e.getCause() == null ? e : e.getCause()));
            s.setArray(2, c.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            s.executeUpdate();
        }
    }
}
