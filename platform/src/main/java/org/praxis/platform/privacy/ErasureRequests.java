package org.praxis.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.UUID;
import javax.sql.DataSource;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.events.EventSources;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * The erasure coordinator (DESIGN flow 7), in the one service that sets {@value #SWITCH}: an admin
 * starts the erasure of a person (reason and reference recorded, audited), which publishes
 * {@code subject.erasure-requested} on {@code privacy.events} in the same transaction; each service's
 * {@code subject.erased} is recorded against the request ({@link ErasureConfirmations}); once every
 * expected service confirmed, the request is complete and keeps only the person's pseudonym.
 */
@IfBuildProperty(name = ErasureRequests.SWITCH, stringValue = "true")
@ApplicationScoped
public class ErasureRequests {
    /** The build-time switch ({@link PraxisConfig.Privacy#erasureCoordinator()}). */
    public static final String SWITCH = "praxis.privacy.erasure-coordinator";

    public static final SealedColumn REASON = SealedColumn.of("erasure_request", "reason");
    public static final String TOPIC = "privacy.events";

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETE = "complete";

    /** One service's part: null {@code confirmedAt} and {@code records} until it confirmed. */
    public record Confirmation(String service, Instant confirmedAt, Map<String, Integer> records) {}

    /** {@code subject} is null once complete; {@code pseudonym} is how the services' retained records name the person. */
    public record ErasureRequest(
            UUID id,
            String subject,
            String pseudonym,
            String reason,
            String reference,
            String requestedBy,
            Instant requestedAt,
            Instant completedAt,
            List<Confirmation> services) {
        public String state() {
            return completedAt == null ? IN_PROGRESS : COMPLETE;
        }
    }

    /** {@code started} is false when an erasure of the person was in progress already: that one is returned. */
    public record Started(ErasureRequest request, boolean started) {}

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    OutboxPublisher outbox;

    @Inject
    PraxisConfig config;

    @Inject
    ObjectMapper json;

    @Transactional
    public Started request(String subject, String reason, String reference) {
        // A pseudonym is erased already, a service's own caller is nobody to erase, and padding is a typo. An admin's
        // own erasure is another admin's to ask: under a pseudonym, what waits for a second admin (an export, four
        // eyes turned off) would no longer know its asker.
        String refused = Pseudonyms.isPseudonym(subject)
                        || subject.startsWith("system:")
                        || !subject.equals(subject.strip())
                ? "must be a person's subject: not a pseudonym, a system caller or padded with spaces"
                : subject.equals(callerContext.subject()) ? "is you; another admin of the tenant asks for it" : null;
        if (refused != null) {
            throw ProblemException.unprocessable(
                    "Not a subject you may erase", java.util.List.of(new Violation("subject", refused)));
        }
        String tenant = callerContext.tenantId();
        UUID id = UUID.randomUUID();
        // The partial unique index (one in progress per person) decides, also between two concurrent requests.
        int inserted = update(
                "insert into erasure_request (id, tenant_id, subject, pseudonym, reason, reference,"
                        + " requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id, subject) where completed_at is null do nothing",
                id,
                tenant,
                subject,
                Pseudonyms.of(tenant, subject),
                REASON.seal(tenant, id, reason),
                reference,
                callerContext.subject(),
                Timestamp.from(Instant.now()));
        if (inserted == 0) {
            List<ErasureRequest> running = select(" and subject = ? and completed_at is null", List.of(subject), 1);
            if (running.isEmpty()) {
                throw ProblemException.conflict(
                        "An erasure of this person completed just now; ask again to start another.");
            }
            return new Started(running.get(0), false);
        }
        for (String service : expectedServices()) {
            update("insert into erasure_confirmation (request_id, service) values (?, ?)", id, service);
        }
        UUID event = outbox.publishOn(
                TOPIC,
                ErasureRequested.TYPE_PREFIX,
                tenant,
                new ErasureRequested(subject, id.toString(), Pseudonyms.of(tenant, subject)));
        update("update erasure_request set event_id = ? where id = ?", event, id);
        audit.record("request-erasure", "erasure-request", id, reason);
        return new Started(find(id), true);
    }

    /** Each confirmation topic's owner, without the slash: {@code session.events} → {@code session-service}. */
    List<String> expectedServices() {
        return config.privacy().erasureConfirmationTopics().stream()
                .map(topic ->
                        EventSources.ownerOf(topic, config.inbox().sources()).substring(1))
                .distinct()
                .toList();
    }

    public ErasureRequest find(UUID id) {
        List<ErasureRequest> found = select(" and id = ?", List.of(id), 1);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Erasure request");
        }
        return found.get(0);
    }

    public Page<ErasureRequest> list(PageRequest page) {
        PageRequest.Keyset after = page.keyset("requested_at");
        return page.page(
                select(after.sql(), after.args(), page.fetchSize()),
                r -> new PageRequest.Position(r.requestedAt(), r.id()));
    }

    private List<ErasureRequest> select(String where, List<Object> args, int limit) {
        String tenant = callerContext.tenantId();
        String sql = "select id, subject, pseudonym, reason, reference, requested_by, requested_at, completed_at"
                + " from erasure_request where tenant_id = ?" + where + " order by requested_at desc, id desc limit "
                + limit;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 2, args.get(i));
            }
            List<ErasureRequest> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Timestamp completedAt = rs.getTimestamp(8);
                    out.add(new ErasureRequest(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            REASON.open(tenant, id, rs.getString(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant(),
                            completedAt == null ? null : completedAt.toInstant(),
                            List.of()));
                }
            }
            return withConfirmations(c, out);
        } catch (SQLException e) {
            throw new IllegalStateException("erasure requests not read", e);
        }
    }

    /** The requests with their services' confirmations, read in one query for the whole page. */
    private List<ErasureRequest> withConfirmations(Connection c, List<ErasureRequest> requests) throws SQLException {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<UUID, List<Confirmation>> byRequest = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select request_id, service, confirmed_at, records::text"
                + " from erasure_confirmation where request_id = any(?) order by service")) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "uuid", requests.stream().map(ErasureRequest::id).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3);
                    byRequest
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Confirmation(
                                    rs.getString(2), at == null ? null : at.toInstant(), fromJson(rs.getString(4))));
                }
            }
        }
        return requests.stream()
                .map(r -> new ErasureRequest(
                        r.id(),
                        r.subject(),
                        r.pseudonym(),
                        r.reason(),
                        r.reference(),
                        r.requestedBy(),
                        r.requestedAt(),
                        r.completedAt(),
                        byRequest.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private Map<String, Integer> fromJson(String records) {
        try {
            return records == null
                    ? null
                    : json.readValue(records, new TypeReference<LinkedHashMap<String, Integer>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... args) {
        return Statements.update(dataSource, sql, args);
    }
}
