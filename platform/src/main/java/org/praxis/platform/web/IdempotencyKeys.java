package org.praxis.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.persistence.DeferredInserts;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;

/**
 * {@code Idempotency-Key} for creates: the same key and body return the first response; the same key
 * with another body is refused (422). The record is written once, after the create and in its
 * transaction, so a create that fails leaves the key free, and two concurrent requests with one key
 * create once: the later one waits on the key, finds it taken, undoes its own create and answers as
 * the first did.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    /** The first response's body, replayed to a repeat: it holds what the create returned, so it is sealed. */
    public static final SealedColumn BODY = SealedColumn.of("idempotency_record", "body");
    /**
     * The request's hash, sealed too: a plain SHA-256 of a small body (a PHQ-9's answers) is found again
     * by hashing every possible body.
     */
    public static final SealedColumn REQUEST_HASH = SealedColumn.of("idempotency_record", "request_hash");

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DeferredInserts deferred;

    /**
     * Runs {@code create} once per (tenant, caller, operation, key). Without a key it just runs it.
     * The response's entity is stored as JSON and its {@code Location} header is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > Bounds.IDEMPOTENCY_KEY) {
            throw ProblemException.unprocessable(
                    "Idempotency-Key must be 1 to 200 characters",
                    List.of(new Violation(HEADER, "must be 1 to 200 characters")));
        }
        String tenant = callerContext.tenantId();
        String scope = callerContext.subject() + " " + operation;
        String hash = hash(request);
        Response response;
        try {
            // Its audit records and outbox rows travel with the idempotency record, in one round trip.
            deferred.holdBack();
            response = create.get();
        } catch (RuntimeException failed) {
            deferred.dropHeld();
            // A repeat whose create fails now (the state moved on since the first) still gets the first answer.
            Response replay = storedAnswer(tenant, scope, key, hash);
            if (replay == null) {
                throw failed;
            }
            // What the failed create wrote before it failed must not commit with the replayed answer.
            transactions.setRollbackOnly();
            return replay;
        }
        try (Connection c = dataSource.getConnection()) {
            UUID id = UUID.randomUUID();
            // Waits on the unique key while another transaction holds it, then does nothing if that one committed.
            URI location = response.getLocation();
            int recorded = deferred.sendWith(
                    c,
                    "insert into idempotency_record (id, tenant_id, scope, idempotency_key, request_hash, status,"
                            + " location, body) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    id,
                    tenant,
                    scope,
                    key,
                    REQUEST_HASH.seal(tenant, id, hash),
                    response.getStatus(),
                    location == null ? null : location.toString(),
                    response.getEntity() == null
                            ? null
                            : BODY.seal(tenant, id, json.writeValueAsString(response.getEntity())));
            if (recorded == 1) {
                return response;
            }
            // Another request with this key committed first: undo this create and answer as that one did.
            Response replay = replay(c, tenant, scope, key, hash);
            transactions.setRollbackOnly();
            if (replay == null) {
                // Its record was erased (subject erasure) between the two statements: nothing to answer with.
                throw ProblemException.conflict("A request with this Idempotency-Key was being processed; try again.");
            }
            return replay;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency record failed", e);
        }
    }

    /**
     * The stored answer, read on the request's own connection (READ COMMITTED sees a committed record), so
     * failing repeats never hold two pooled connections each; in a transaction of its own only when the
     * failed create left this one unusable.
     */
    private Response storedAnswer(String tenant, String scope, String key, String hash) {
        try (Connection c = dataSource.getConnection()) {
            return replay(c, tenant, scope, key, hash);
        } catch (SQLException aborted) {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return replay(c, tenant, scope, key, hash);
                }
            });
        }
    }

    /** The stored answer for the key, null when there is none; 422 when it was used with another body. */
    private Response replay(Connection c, String tenant, String scope, String key, String hash) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select request_hash, status, location, body, id from idempotency_record"
                        + " where tenant_id = ? and scope = ? and idempotency_key = ?")) {
            s.setString(1, tenant);
            s.setString(2, scope);
            s.setString(3, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!REQUEST_HASH
                        .open(tenant, rs.getObject(5, UUID.class), rs.getString(1))
                        .equals(hash)) {
                    throw ProblemException.unprocessable(
                            "This Idempotency-Key was used with another request body",
                            List.of(new Violation(HEADER, "already used with another request body")));
                }
                Response.ResponseBuilder replay = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
                if (rs.getString(3) != null) {
                    replay.header(HttpHeaders.LOCATION, rs.getString(3));
                }
                if (rs.getString(4) != null) {
                    replay.entity(BODY.open(tenant, rs.getObject(5, UUID.class), rs.getString(4)))
                            .type(MediaType.APPLICATION_JSON);
                }
                return replay.build();
            }
        }
    }

    /**
     * Drops the records that name {@code subject} in {@code tenant} (subject erasure): their own creates, those
     * whose operation or {@code Location} names them, and those whose stored answer does (a referral about them
     * someone else made).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String tenant, String subject) {
        // The person's id as a whole word of a JSON text (not coach-1 inside coach-12), escaped as JSON writes it.
        Pattern naming = Pattern.compile("(?<![\\w.@-])"
                + Pattern.quote(json.valueToTree(subject).toString().replaceAll("^\"|\"$", "")) + "(?![\\w.@-])");
        List<UUID> gone = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select id, scope, body, location from idempotency_record where tenant_id = ?")) {
                s.setString(1, tenant);
                s.setFetchSize(500); // a day's records of a busy tenant, read in slices, not held at once
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        // The scope: the caller's id and the operation's words ("supervisor-1 open-assessment
                        // coach-1").
                        if ((" " + rs.getString(2) + " ").contains(" " + subject + " ")
                                || (rs.getString(4) != null
                                        && List.of(rs.getString(4)
                                                        .split("\\?", 2)[0]
                                                        .split("/"))
                                                .contains(subject))
                                || answerNames(tenant, id, rs.getString(3), naming)) {
                            gone.add(id);
                        }
                    }
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement("delete from idempotency_record where tenant_id = ? and id = any(?)")) {
                s.setString(1, tenant);
                s.setArray(2, c.createArrayOf("uuid", gone.toArray()));
                return s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency records not erased", e);
        }
    }

    /** Whether the stored answer names the person; one that no longer opens (its key retired) is only a cache: it goes. */
    private static boolean answerNames(String tenant, UUID id, String body, Pattern naming) {
        if (body == null) {
            return false;
        }
        try {
            return naming.matcher(BODY.open(tenant, id, body)).find();
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
