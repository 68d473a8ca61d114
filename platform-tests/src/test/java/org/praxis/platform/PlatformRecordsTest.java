package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.web.IdempotencyKeys;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/** The platform's tables after an erasure: kept rows name the pseudonym, replay caches naming the person are gone. */
@QuarkusTest
class PlatformRecordsTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String person = "person-" + UUID.randomUUID();
    private final String other = "other-" + UUID.randomUUID();
    private final UUID aboutPersonRecord = UUID.randomUUID();
    private final UUID aboutSomeoneElse = UUID.randomUUID();

    @Inject
    PlatformRecords records;

    @Inject
    OutboxPublisher outbox;

    private RequestSpecification as(String subject, String role) {
        return given().header(
                        "Authorization",
                        Tokens.of(subject).tenant(tenant).roles(role).bearer())
                .contentType(ContentType.JSON);
    }

    private String exportRequest(String admin, String subject) {
        return as(admin, "admin")
                .body(Map.of("subject", subject, "reason", "Subject access request", "reference", "DSAR-77"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void insert(String sql, Object... args) throws Exception {
        try (var c = Db.connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** A coach's replay record of a referral they opened about {@code client}: only its sealed answer names them. */
    private void referralAnswer(UUID id, String client) throws Exception {
        insert(
                "insert into idempotency_record (id, tenant_id, scope, idempotency_key, request_hash, location, body)"
                        + " values (?, ?, 'coach-z open-referral', ?, 'v2:x', ?, ?)",
                id,
                tenant,
                "k-" + id,
                "/v1/referrals/" + UUID.randomUUID(),
                IdempotencyKeys.BODY.seal(tenant, id, "{\"clientSubject\":\"" + client + "\"}"));
    }

    /** The person in every platform role, beside the other person; the four-eyes steps take both. */
    private void population() throws Exception {
        as(person, "admin")
                .body(Map.of("fourEyes", true))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200);
        String aboutPerson = exportRequest(other, person);
        as(person, "admin")
                .when()
                .post("/v1/export-requests/" + aboutPerson + "/approval")
                .then()
                .statusCode(200);
        given().header(
                        "Authorization",
                        Tokens.of(other).tenant(tenant).roles("admin").bearer())
                .queryParam("request", aboutPerson)
                .when()
                .get("/test/widgets/subjects/" + person + "/export")
                .then()
                .statusCode(200);
        String byPerson = exportRequest(person, "client-" + UUID.randomUUID());
        as(other, "admin")
                .when()
                .post("/v1/export-requests/" + byPerson + "/approval")
                .then()
                .statusCode(200);
        as(person, "admin")
                .body(Map.of("fourEyes", false))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200);
        as(person, "coach")
                .header("Idempotency-Key", "k-1")
                .body(Map.of("name", "w", "size", 1))
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201);
        as(other, "coach")
                .header("Idempotency-Key", "k-1")
                .body(Map.of("name", "w", "size", 1))
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(tenant, new TestEvents.CoachAssigned(person, other));
            outbox.publish(tenant, new TestEvents.CoachAssigned(other, null));
        });
        insert(
                "insert into idempotency_record (tenant_id, scope, idempotency_key, request_hash, location) values (?, ?, ?, 'v2:x', ?)",
                tenant,
                "admin-x create-practitioner",
                "k-2",
                "/v1/practitioners/" + person + "?view=full");
        // A supervisor's operation on the person: named in the scope, not first, and in no location.
        insert(
                "insert into idempotency_record (tenant_id, scope, idempotency_key, request_hash, location) values (?, ?, ?, 'v2:x', ?)",
                tenant,
                "supervisor-y open-assessment " + person,
                "k-3",
                "/v1/assessments/" + UUID.randomUUID());
        // Someone else's create whose stored answer names the person (a referral about them): only the body does.
        referralAnswer(aboutPersonRecord, person);
        // ... and one whose answer names someone whose id only begins with the person's: kept.
        referralAnswer(aboutSomeoneElse, person + "7");
        insert(
                "insert into retired_kek (kek_id, retired_at, retired_by) values (?, now(), ?)",
                "kek-" + UUID.randomUUID(),
                person);
        // As an admin, the person set the tenant's rate limits.
        insert(
                "insert into tenant_rate_limits (tenant_id, client_limit, tenant_limit, updated_by, updated_at, version)"
                        + " values (?, 10, 100, ?, now(), 0)",
                tenant,
                person);
        // As an admin, the person asked the erasure coordinator to erase someone else.
        insert(
                "insert into erasure_request (id, tenant_id, subject, pseudonym, reason, requested_by, requested_at)"
                        + " values (?, ?, ?, 'erased-x', 'sealed', ?, now())",
                UUID.randomUUID(),
                tenant,
                "client-" + UUID.randomUUID(),
                person);
    }

    @Test
    void anErasureLeavesThePersonNowhereAndThePseudonymWhereRowsAreKept() throws Exception {
        population();
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        Set<String> roles = Set.of(
                "audit_event.actor",
                "audit_event.resource_id",
                "export_request.subject",
                "export_request.requested_by",
                "export_request.approved_by",
                "export_setting.changed_by",
                "export_setting.off_requested_by",
                "idempotency_record.scope",
                "idempotency_record.location",
                "outbox_event.aggregate_id",
                "outbox_event.payload",
                "retired_kek.retired_by",
                "erasure_request.requested_by",
                "tenant_rate_limits.updated_by");
        assertEquals(
                roles, db.columnsHolding(person).keySet(), "the population names the person in every platform role");
        Map<String, Long> otherBefore = db.columnsHolding(other);

        String pseudonym = Pseudonyms.of(tenant, person);
        QuarkusTransaction.requiringNew().run(() -> records.erase(tenant, person, pseudonym));

        assertEquals(Map.of(), db.columnsHolding(person));
        // Replay caches go; everything else is kept under the pseudonym.
        Set<String> kept = new HashSet<>(roles);
        // ... and so does a pending request to turn four eyes off (ExportRequestsTest says why).
        kept.removeAll(
                Set.of("idempotency_record.scope", "idempotency_record.location", "export_setting.off_requested_by"));
        assertEquals(kept, db.columnsHolding(pseudonym).keySet());
        assertEquals(otherBefore, db.columnsHolding(other), "the other person's rows are untouched");
        assertEquals(
                0,
                db.count("select count(*) from idempotency_record where id = ?", aboutPersonRecord),
                "a stored answer naming the person goes with the rest");
        assertEquals(1, db.count("select count(*) from idempotency_record where id = ?", aboutSomeoneElse));

        // The request about the person keeps who asked and approved, not why (an admin's words about them) nor
        // its reference; the audit trail's copies of that reason go too. The request the person made stays whole.
        as(other, "admin")
                .when()
                .get("/v1/export-requests")
                .then()
                .statusCode(200)
                .body("items.find { it.subject == '" + pseudonym + "' }.reason", org.hamcrest.Matchers.is("erased"))
                .body("items.find { it.subject == '" + pseudonym + "' }.reference", org.hamcrest.Matchers.nullValue())
                .body(
                        "items.find { it.requestedBy == '" + pseudonym + "' }.reason",
                        org.hamcrest.Matchers.is("Subject access request"));
        assertEquals(
                0,
                db.count(
                        "select count(*) from audit_event where tenant_id = ? and reason is not null and ((action = 'export'"
                                + " and resource_id = ?) or (action = 'request-export' and resource_id in"
                                + " (select id::text from export_request where tenant_id = ? and subject = ?)))",
                        tenant,
                        pseudonym,
                        tenant,
                        pseudonym));
        assertEquals(
                1,
                db.count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'request-export'"
                                + " and reason is not null and actor = ?",
                        tenant,
                        pseudonym),
                "the request the person made keeps its audited reason");
    }
}
