package org.praxis.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EligibilityEvents;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureCast;
import org.praxis.testsupport.SupervisionEvents;

/**
 * Issue 24: after an erasure no column of intake's database names the person, whatever roles they had
 * (client, coach, supervisor, admin); rows kept name their pseudonym; another person's rows are untouched.
 */
@QuarkusTest
class ErasureInEveryRoleTest {
    /** Every column the population below puts the person in. */
    private static final Set<String> ROLES = Set.of(
            "intake.client_subject",
            "intake.assigned_coach",
            "intake.assigned_by",
            "intake.created_by",
            "assignment.client_subject",
            "assignment.created_by",
            "screening.submitted_by",
            "risk_flag.raised_by",
            "risk_flag_step.actor",
            "decision.practitioner_id",
            "decision.decided_by",
            "practitioner_eligibility.practitioner_id",
            "practitioner_supervisor.practitioner_id",
            "practitioner_supervisor.supervisor_id",
            "triage_policy.updated_by",
            "tenant_instrument.created_by",
            "audit_event.actor",
            "audit_event.resource_id",
            "export_request.subject",
            "export_request.requested_by",
            "export_request.approved_by",
            "export_setting.changed_by",
            "idempotency_record.scope",
            "outbox_event.payload");
    /**
     * Rows deleted rather than kept (the client's open assignments, eligibility, own supervisor, replay caches),
     * or the column emptied (an erased coach's intakes are nobody's).
     */
    private static final Set<String> DELETED = Set.of(
            "assignment.client_subject",
            "intake.assigned_coach",
            "practitioner_eligibility.practitioner_id",
            "practitioner_supervisor.practitioner_id",
            "idempotency_record.scope");

    private final ErasureCast cast = new ErasureCast();

    private static Map<String, Object> phq9WithItem9() {
        return Map.of(
                "instrument",
                "PHQ-9",
                "answers",
                Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 0, "6", 0, "7", 0, "8", 0, "9", 1));
    }

    /** {@code who} as client, coach, supervisor, admin and practitioner with an eligibility and a supervisor. */
    private void population(String who) {
        // Their own intake as a client, with an instrument sent to them by their coach.
        String own = cast.as(who, "client")
                .header("Idempotency-Key", "own-intake")
                .body(Map.of("displayName", "Robin Private", "presentingConcerns", "grief"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(cast.staff, "supervisor")
                .body(Map.of("coach", cast.staff))
                .when()
                .post("/v1/intakes/" + own + "/coach-assignment")
                .then()
                .statusCode(200);
        cast.as(cast.staff, "coach")
                .body(Map.of("instrument", "GAD-7", "dueDate", "2030-01-01"))
                .when()
                .post("/v1/intakes/" + own + "/assignments")
                .then()
                .statusCode(201);

        // A client's intake they opened, were assigned to, screened, flagged and decided as the practitioner.
        String theirs = cast.as(who, "coach")
                .body(Map.of("displayName", "Kim", "clientSubject", "client-" + UUID.randomUUID()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "supervisor")
                .body(Map.of("coach", who))
                .when()
                .post("/v1/intakes/" + theirs + "/coach-assignment")
                .then()
                .statusCode(200);
        cast.as(who, "coach")
                .body(Map.of("instrument", "GAD-7"))
                .when()
                .post("/v1/intakes/" + theirs + "/assignments")
                .then()
                .statusCode(201);
        cast.as(who, "coach")
                .body(phq9WithItem9())
                .when()
                .post("/v1/intakes/" + theirs + "/screenings")
                .then()
                .statusCode(201);
        String flag = cast.as(who, "coach")
                .body(Map.of("code", "coach-concern", "level", "elevated", "note", "hopeless"))
                .when()
                .post("/v1/intakes/" + theirs + "/risk-flags")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "supervisor")
                .body(Map.of("status", "acknowledged", "note", "called"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(200);
        cast.as(who, "coach")
                .body(Map.of("pathway", "coaching", "practitionerId", who, "reason", "agreed with the client"))
                .when()
                .post("/v1/intakes/" + theirs + "/decision")
                .then()
                .statusCode(201);

        EligibilityEvents.announce(cast.id, who, "integrated-practice");
        // Supervised, and supervising someone (assessment-service's practitioner.supervisor-changed).
        SupervisionEvents.assign(cast.id, who, cast.staff);
        SupervisionEvents.assign(cast.id, "coach-" + UUID.randomUUID(), who);

        // As an admin: the tenant's settings (triage, client wording) and instruments, export requests made,
        // approved and run about them.
        cast.as(who, "admin")
                .body(Map.of(
                        "title",
                        "Pulse",
                        "items",
                        List.of(Map.of("linkId", "1", "topic", "workload", "min", 0, "max", 4, "scored", true)),
                        "bands",
                        List.of(Map.of("min", 0, "max", 4, "severity", "low"))))
                .when()
                .post("/v1/instruments/OWN-" + who.substring(0, 5).toUpperCase() + "/versions")
                .then()
                .statusCode(201);
        String etag = cast.as(who, "admin")
                .when()
                .get("/v1/triage-policy")
                .then()
                .extract()
                .header("ETag");
        cast.as(who, "admin")
                .header("If-Match", etag)
                .body(Map.of(
                        "phq9Therapy",
                        12,
                        "gad7Therapy",
                        12,
                        "phq9Integrated",
                        8,
                        "gad7Integrated",
                        8,
                        "phq9Monitoring",
                        3,
                        "gad7Monitoring",
                        3,
                        "wsasMonitoring",
                        8,
                        "screenPositiveThreshold",
                        2))
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(200);
        String wording = cast.as(who, "admin")
                .when()
                .get("/v1/admin/client-wording")
                .then()
                .extract()
                .header("ETag");
        cast.as(who, "admin")
                .header("If-Match", wording)
                .body(Map.of("texts", List.of(Map.of("key", "score", "locale", "en", "text", "Thank you."))))
                .when()
                .put("/v1/admin/client-wording")
                .then()
                .statusCode(200);
        cast.playPlatformRoles(who);
    }

    @Test
    void anErasedPersonIsNamedNowhereAndWhatIsKeptNamesTheirPseudonym() {
        population(cast.other);
        population(cast.person); // last, so the tenant's single-row settings name the person
        cast.assertErasedEverywhere(Pseudonyms.of(cast.id, cast.person), ROLES, DELETED, "intake.events");
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_eligibility"
                                        + " where tenant_id = ? and practitioner_id = ?",
                                cast.id,
                                cast.other),
                "the other's eligibility stays");
    }
}
