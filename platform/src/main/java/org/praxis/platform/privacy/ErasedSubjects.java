package org.praxis.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.praxis.platform.events.IncomingEvent;

/**
 * The people this service erased, by pseudonym, and the rule that keeps them erased: an event about
 * their past re-creates nothing for them, whenever it is read ({@link #erasedPast}: sent before the
 * erasure was requested, or before its source erased them); an event about their new activity (a new
 * intake under the same account) applies. The event's own person
 * ({@code clientSubject}, else {@code practitionerId}) erased, named by their real id or by the pseudonym its
 * source's erasure put in its outbox: the event is not applied. Another
 * person it names erased (the coach of a client's intake, a supervisor): it is applied with their
 * pseudonym in their place, so no identifier comes back.
 *
 * <p>An erasure and an event about the same person never interleave: the erasure holds an exclusive
 * transaction lock on the person, each event a shared one, so either the event's records exist
 * before the erasure looks for them, or the event sees the person erased.
 */
@ApplicationScoped
public class ErasedSubjects {
    /** Payload fields that name a person, across every event of docs/events; the first present is the event's own. */
    static final List<String> PERSON_FIELDS = List.of(
            "clientSubject",
            "practitionerId",
            "assignedCoach",
            "supervisorId",
            "createdBy",
            "fromPractitionerId",
            "toPractitionerId");

    /** The fields that name the event's own person, in the order they count (as in {@link #PERSON_FIELDS}). */
    static final List<String> OWN_PERSON_FIELDS = List.of("clientSubject", "practitionerId");

    @Inject
    DataSource dataSource;

    @Inject
    SourceErasures sourceErasures;

    @Inject
    ObjectMapper json;

    /**
     * Records the person as erased as of {@code requestedAt} (when the erasure was asked for), first
     * waiting for events about them in flight (called in the erasure's transaction).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String tenantId, String subject, String requestId, Instant requestedAt) {
        String pseudonym = Pseudonyms.of(tenantId, subject);
        try (Connection c = dataSource.getConnection()) {
            lock(c, "select pg_advisory_xact_lock(?)", tenantId, pseudonym);
            // Erased again later (the person came back and asked again): the latest request counts.
            try (PreparedStatement s =
                    c.prepareStatement("insert into erased_subject (tenant_id, pseudonym, request_id,"
                            + " requested_at) values (?, ?, ?, ?) on conflict (tenant_id, pseudonym) do update set"
                            + " request_id = excluded.request_id, requested_at = excluded.requested_at"
                            + " where erased_subject.requested_at < excluded.requested_at")) {
                s.setString(1, tenantId);
                s.setString(2, pseudonym);
                s.setString(3, requestId);
                s.setTimestamp(4, Timestamp.from(requestedAt));
                s.executeUpdate();
            }
            // The platform's own traces of the person's id as an event key or inside a parked event.
            try (PreparedStatement s =
                    c.prepareStatement("delete from applied_sequence where tenant_id = ? and aggregate_id = ?")) {
                s.setString(1, tenantId);
                s.setString(2, subject);
                s.executeUpdate();
            }
            ParkedAboutErased.erase(c, json, tenantId, subject, pseudonym);
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the erasure", e);
        }
    }

    /**
     * The event as a handler may see it: null when its own person is erased, else the event with any
     * other erased person replaced by their pseudonym (the same event when nobody in it is erased).
     * Called in the handler's transaction, before the handler.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IncomingEvent screen(IncomingEvent event) {
        // Each person named, by field, as their pseudonym: what the look-up, the locks and the replacement use.
        Map<String, String> people = new LinkedHashMap<>();
        // Another person already their pseudonym: nothing to decide or replace, but an erasure of them under
        // way here is still waited for (it may be moving what the event acts on, an intake they coached).
        List<String> lockedOnly = new ArrayList<>();
        for (String field : PERSON_FIELDS) {
            JsonNode value = event.payload().get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                continue;
            }
            if (!Pseudonyms.isPseudonym(value.asText())) {
                people.put(field, Pseudonyms.of(event.tenantId(), value.asText()));
            } else if (OWN_PERSON_FIELDS.contains(field)) {
                // The source's erasure rewrote it, or the source sent it since: looked up as it is, so it is
                // their past like any other event sent before the erasure.
                people.put(field, value.asText());
            } else {
                lockedOnly.add(value.asText());
            }
        }
        if (people.isEmpty() && lockedOnly.isEmpty()) {
            return event;
        }
        List<String> erasedFields = new ArrayList<>();
        ErasureUnderWay undecided = null;
        boolean sourceConfirms = sourceErasures.confirmsHere(event.source());
        try (Connection c = dataSource.getConnection();
                // The locks and the look-up go in one round trip, as two statements: the look-up's snapshot
                // is taken after the locks are held, so an erasure that held one has committed by then.
                PreparedStatement s = c.prepareStatement(
                        "select count(pg_advisory_xact_lock_shared(k)) from unnest(cast(? as bigint[])) k;\n"
                                + "select e.pseudonym, e.requested_at, s.erased_at from erased_subject e"
                                + " left join source_erasure s on s.tenant_id = e.tenant_id"
                                + " and s.request_id = e.request_id and s.source = ?"
                                + " where e.tenant_id = ? and e.pseudonym = any(?)")) {
            List<String> pseudonyms = people.values().stream().distinct().toList();
            s.setArray(
                    1,
                    c.createArrayOf(
                            "int8",
                            Stream.concat(pseudonyms.stream(), lockedOnly.stream())
                                    .distinct()
                                    .map(p -> lockKey(event.tenantId(), p))
                                    .toArray()));
            s.setString(2, event.source());
            s.setString(3, event.tenantId());
            s.setArray(4, c.createArrayOf("text", pseudonyms.toArray()));
            s.execute();
            s.getMoreResults();
            try (ResultSet rs = s.getResultSet()) {
                Set<String> erased = new java.util.HashSet<>();
                while (rs.next()) {
                    Timestamp sourceErasedAt = rs.getTimestamp(3);
                    try {
                        if (erasedPast(
                                event,
                                rs.getTimestamp(2).toInstant(),
                                sourceConfirms,
                                sourceErasedAt == null ? null : sourceErasedAt.toInstant())) {
                            erased.add(rs.getString(1));
                        }
                    } catch (ErasureUnderWay e) {
                        undecided = e;
                    }
                }
                people.forEach((field, pseudonym) -> {
                    if (erased.contains(pseudonym)) {
                        erasedFields.add(field);
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check erased subjects", e);
        }
        String ownField = people.keySet().stream()
                .filter(OWN_PERSON_FIELDS::contains)
                .findFirst()
                .orElse(null);
        if (ownField != null && erasedFields.contains(ownField)) {
            return null; // the own person's past: not applied, whoever else it names is still undecided
        }
        if (undecided != null) {
            throw undecided;
        }
        if (erasedFields.isEmpty()) {
            return event;
        }
        ObjectNode payload = event.payload().deepCopy();
        erasedFields.forEach(field -> payload.put(field, people.get(field)));
        return new IncomingEvent(
                event.id(),
                event.type(),
                event.source(),
                event.tenantId(),
                event.time(),
                event.topic(),
                event.key(),
                payload,
                event.sequence());
    }

    /**
     * Whether the event, naming a person erased here at the request of {@code requestedAt}, is about their
     * erased past. One sent before the request is (one without a time counts as before). One sent after it
     * is their past while its source had not yet erased them ({@code sourceErasedAt}, when this service read
     * the source's confirmation): the source was still sending what it then erased, with their real id. After
     * that, it is their new activity (a new intake under the same account). Until the confirmation is read
     * here, nobody can tell: {@link ErasureUnderWay}. A source that confirms on no topic read here (or none
     * at all) is taken at the request's time.
     */
    static boolean erasedPast(
            IncomingEvent event, Instant requestedAt, boolean sourceConfirms, Instant sourceErasedAt) {
        if (event.time() == null || !event.time().isAfter(requestedAt)) {
            return true;
        }
        if (!sourceConfirms) {
            return false;
        }
        if (sourceErasedAt == null) {
            throw new ErasureUnderWay(event.source());
        }
        return !event.time().isAfter(sourceErasedAt);
    }

    private static void lock(Connection c, String sql, String tenantId, String pseudonym) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, lockKey(tenantId, pseudonym));
            s.execute();
        }
    }

    private static long lockKey(String tenantId, String pseudonym) {
        CRC32 crc = new CRC32();
        crc.update((tenantId + "\n" + pseudonym).getBytes(StandardCharsets.UTF_8));
        // A key space of its own (high bits), apart from SingletonJobs' and the relay's locks.
        return 0x4572_6173_0000_0000L | crc.getValue();
    }
}
