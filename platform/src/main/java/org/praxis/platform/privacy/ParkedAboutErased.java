package org.praxis.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person's erasure does to the events parked here ({@code parked_event}): one whose own person they
 * are ({@code clientSubject}, else {@code practitionerId}) is their past and goes; kept under their pseudonym,
 * it would later be applied as somebody new. Every other one keeps waiting with their id replaced by the
 * pseudonym (as the outbox's are): another person's event that merely names them is not lost.
 */
final class ParkedAboutErased {
    private ParkedAboutErased() {}

    /** In the erasure's transaction, on its connection. */
    static void erase(Connection c, ObjectMapper json, String tenantId, String subject, String pseudonym)
            throws SQLException {
        List<Object[]> own = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("select topic, kafka_partition, kafka_offset, handler, record_value"
                        + " from parked_event where tenant_id = ? and position(? in coalesce(record_value, '')) > 0")) {
            s.setString(1, tenantId);
            s.setString(2, '"' + subject + '"');
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (subject.equals(ownPerson(json, rs.getString(5)))) {
                        own.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4)});
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("delete from parked_event where topic = ? and kafka_partition = ?"
                + " and kafka_offset = ? and handler = ?")) {
            for (Object[] key : own) {
                for (int i = 0; i < key.length; i++) {
                    s.setObject(i + 1, key[i]);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("update parked_event set"
                + " record_value = replace(record_value, ?, ?),"
                + " record_key = case when record_key = ? then ? else record_key end"
                + " where tenant_id = ? and (record_key = ? or position(? in coalesce(record_value, '')) > 0)")) {
            s.setString(1, '"' + subject + '"');
            s.setString(2, '"' + pseudonym + '"');
            s.setString(3, subject);
            s.setString(4, pseudonym);
            s.setString(5, tenantId);
            s.setString(6, subject);
            s.setString(7, '"' + subject + '"');
            s.executeUpdate();
        }
    }

    /** The payload's own person, or null (not JSON: a record of a type nobody here knows). */
    private static String ownPerson(ObjectMapper json, String value) {
        try {
            JsonNode payload = json.readTree(value);
            for (String field : ErasedSubjects.OWN_PERSON_FIELDS) {
                if (payload != null && payload.path(field).isTextual()) {
                    return payload.path(field).asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
