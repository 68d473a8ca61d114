package org.praxis.assessment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureCast;

/**
 * Issue 24: after an erasure no column of assessment-service's database names the person, whatever roles
 * they had (practitioner, supervisor, assessor, verifier, admin); rows kept name their pseudonym, which
 * holds no eligibility; another person's rows are untouched.
 */
@QuarkusTest
class ErasureInEveryRoleTest {
    /** Every column the population below puts the person in. */
    private static final Set<String> ROLES = Set.of(
            "practitioner.subject",
            "practitioner.supervisor_id",
            "practitioner.created_by",
            "registration.practitioner_id",
            "registration.verified_by",
            "evidence.practitioner_id",
            "evidence.recorded_by",
            "evidence.verified_by",
            "supervision_session.supervisee_id",
            "supervision_session.supervisor_id",
            "supervision_session.recorded_by",
            "supervision_session.verified_by",
            "assessment.practitioner_id",
            "assessment.opened_by",
            "assessment.completed_by",
            "rating.rated_by",
            "development_action.practitioner_id",
            "development_action.created_by",
            "framework_version.created_by",
            "assessment_settings.updated_by",
            "practitioner_eligibility.practitioner_id",
            "audit_event.actor",
            "audit_event.resource_id",
            "export_request.subject",
            "export_request.requested_by",
            "export_request.approved_by",
            "export_setting.changed_by",
            "idempotency_record.scope",
            "idempotency_record.location",
            "outbox_event.aggregate_id",
            "outbox_event.payload");
    /** Rows deleted rather than kept: the person's eligibility, replay caches. */
    private static final Set<String> DELETED = Set.of(
            "practitioner_eligibility.practitioner_id",
            "idempotency_record.scope",
            "idempotency_record.location",
            "evidence_attachment.url");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ErasureCast cast = new ErasureCast();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    private String post(String subject, String role, Object body, String path) {
        return cast.as(subject, role)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void settings(String admin) {
        String etag = cast.as(admin, "admin")
                .when()
                .get("/v1/assessment-settings")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        cast.as(admin, "admin")
                .header("If-Match", etag)
                .body(Map.of(
                        "frameworkCode",
                        BuiltInFramework.CODE,
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        1,
                        "minSupervisionHours",
                        1))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(200);
    }

    /** The built-in framework as the tenant's own, under {@code code}. */
    private void publishFramework(String admin, String code) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(cast.as(admin, "admin")
                .when()
                .get("/v1/frameworks/praxis-coaching/versions/1/case")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String oldId = doc.at("/CFDocument/identifier").asText();
        String newId = UUID.randomUUID().toString();
        ((ObjectNode) doc.get("CFDocument")).put("identifier", newId);
        doc.get("CFItems").forEach(i -> ((ObjectNode) i.get("CFDocumentURI")).put("identifier", newId));
        for (JsonNode a : doc.get("CFAssociations")) {
            if (a.at("/destinationNodeURI/identifier").asText().equals(oldId)) {
                ((ObjectNode) a.get("destinationNodeURI")).put("identifier", newId);
            }
        }
        cast.as(admin, "admin")
                .body(doc.toString())
                .when()
                .post("/v1/frameworks/" + code + "/versions")
                .then()
                .statusCode(201);
    }

    private void supervisorOf(String practitioner, String supervisor) {
        String etag = cast.as(cast.staff, "admin")
                .when()
                .get("/v1/practitioners/" + practitioner)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        cast.as(cast.staff, "admin")
                .header("If-Match", etag)
                .body(Map.of("supervisorId", supervisor))
                .when()
                .put("/v1/practitioners/" + practitioner + "/supervisor")
                .then()
                .statusCode(200);
    }

    /** {@code assessor} opens an assessment of {@code practitioner}, rates {@code codes} competent and completes it. */
    private void assessed(String practitioner, String assessor, List<String> codes) {
        completed(
                post(assessor, "supervisor", Map.of(), "/v1/practitioners/" + practitioner + "/assessments"),
                assessor,
                codes);
    }

    /** {@code assessor} rates {@code codes} of the open assessment {@code a} competent and completes it. */
    private void completed(String a, String assessor, List<String> codes) {
        for (String code : codes) {
            cast.as(assessor, "supervisor")
                    .body(Map.of("competenceCode", code, "level", "competent"))
                    .when()
                    .post("/v1/assessments/" + a + "/assessor-ratings")
                    .then()
                    .statusCode(200);
        }
        cast.as(assessor, "supervisor")
                .when()
                .post("/v1/assessments/" + a + "/completion")
                .then()
                .statusCode(200);
    }

    /** {@code who} as practitioner (eligible), supervisee, supervisor, assessor, verifier and admin. */
    private void population(String who) throws Exception {
        String me = "/v1/practitioners/" + who;
        settings(who);
        publishFramework(who, "own-" + UUID.randomUUID().toString().substring(0, 8));

        // Their own practice, verified by staff and assessed competent: eligible for core coaching.
        cast.as(who, "coach")
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("displayName", "Casey Coach", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        supervisorOf(who, cast.staff);
        String registration = post(
                who,
                "coach",
                Map.of(
                        "kind",
                        "therapy-register",
                        "body",
                        "Example Register",
                        "number",
                        "R-1",
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()),
                me + "/registrations");
        cast.as(cast.staff, "admin")
                .header("If-Match", AssessmentTenant.registrationETag(cast.as(cast.staff, "admin"), me, registration))
                .when()
                .post(me + "/registrations/" + registration + "/verification")
                .then()
                .statusCode(200);
        String hours = post(
                who,
                "coach",
                Map.of(
                        "kind",
                        "practice-hours",
                        "occurredOn",
                        today,
                        "minutes",
                        60,
                        "attachments",
                        List.of(Map.of("url", "https://files.example.org/" + who + "/log.pdf"))),
                me + "/evidence");
        cast.as(cast.staff, "supervisor")
                .when()
                .post(me + "/evidence/" + hours + "/verification")
                .then()
                .statusCode(200);
        String supervision = post(
                who,
                "coach",
                Map.of("heldOn", today, "durationMinutes", 60, "notes", "boundaries"),
                me + "/supervision-sessions");
        cast.as(cast.staff, "supervisor")
                .when()
                .post(me + "/supervision-sessions/" + supervision + "/verification")
                .then()
                .statusCode(200);
        String self = post(who, "coach", Map.of(), me + "/assessments");
        cast.as(who, "coach")
                .body(Map.of("competenceCode", "D1.A1.1.1", "level", "competent", "comment", "My view"))
                .when()
                .post("/v1/assessments/" + self + "/self-ratings")
                .then()
                .statusCode(200);
        post(
                who,
                "coach",
                Map.of("competenceCode", "D1.A1.1.1", "action", "Read up", "dueOn", today),
                me + "/development-actions");
        completed(
                self,
                cast.staff,
                java.util.stream.Stream.of("D1", "D2")
                        .flatMap(d -> BuiltInFramework.framework().competencesOf(d).stream())
                        .map(CompetenceFramework.Item::code)
                        .toList());
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_eligibility where tenant_id = ?"
                                        + " and practitioner_id = ?",
                                cast.id,
                                who),
                "eligible before the erasure");

        // A supervisee's supervisor, assessor and verifier; their registration verified as an admin.
        String supervisee = "coach-" + UUID.randomUUID();
        String theirs = "/v1/practitioners/" + supervisee;
        cast.as(supervisee, "coach")
                .body(Map.of("displayName", "Sam Supervisee"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        supervisorOf(supervisee, who);
        String evidence =
                post(supervisee, "coach", Map.of("kind", "reflective-log", "occurredOn", today), theirs + "/evidence");
        cast.as(who, "supervisor")
                .when()
                .post(theirs + "/evidence/" + evidence + "/verification")
                .then()
                .statusCode(200);
        post(who, "supervisor", Map.of("heldOn", today, "durationMinutes", 45), theirs + "/supervision-sessions");
        post(
                who,
                "supervisor",
                Map.of("competenceCode", "D1.A1.1.1", "action", "Practise", "dueOn", today),
                theirs + "/development-actions");
        assessed(supervisee, who, List.of("D1.A1.1.1"));
        String theirRegistration = post(
                supervisee,
                "coach",
                Map.of(
                        "kind",
                        "coaching-body",
                        "body",
                        "Example Body",
                        "number",
                        "C-2",
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()),
                theirs + "/registrations");
        cast.as(who, "admin")
                .header("If-Match", AssessmentTenant.registrationETag(cast.as(who, "admin"), theirs, theirRegistration))
                .when()
                .post(theirs + "/registrations/" + theirRegistration + "/verification")
                .then()
                .statusCode(200);

        cast.playPlatformRoles(who);
    }

    @Test
    void anErasedPersonIsNamedNowhereAndWhatIsKeptNamesTheirPseudonymWhichHoldsNoEligibility() throws Exception {
        population(cast.other);
        population(cast.person); // last, so the tenant's single-row settings name the person
        String pseudonym = Pseudonyms.of(cast.id, cast.person);
        cast.assertErasedEverywhere(pseudonym, ROLES, DELETED, "assessment.events");
        // The links to what they recorded go too; the other person's stay.
        String attachments = "select count(*) from evidence_attachment a join evidence e on e.id = a.evidence_id"
                + " where e.tenant_id = ? and e.practitioner_id = ?";
        assertEquals(0, EmbeddedPostgres.shared().count(attachments, cast.id, pseudonym));
        assertEquals(1, EmbeddedPostgres.shared().count(attachments, cast.id, cast.other));

        // Their kept hours and levels would add up to eligibility; a pseudonym holds none, even when everyone is
        // recomputed.
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        String published =
                "select count(*) from outbox_event where tenant_id = ? and event_type like '%eligibility.changed%'"
                        + " and aggregate_id = ?";
        long before = db.count(
                published, cast.id, pseudonym); // what was published under the person's id, now under the pseudonym
        settings(cast.staff);
        assertEquals(
                0,
                db.count(
                        "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                        cast.id,
                        pseudonym));
        assertEquals(before, db.count(published, cast.id, pseudonym), "nothing new published for the pseudonym");
        assertEquals(
                1,
                db.count(
                        "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                        cast.id,
                        cast.other));
    }
}
