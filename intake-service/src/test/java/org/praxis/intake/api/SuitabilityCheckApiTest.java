package org.praxis.intake.api;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;
import static org.praxis.testsupport.TestTenant.export;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** Issue 22: the intake's coach or a supervisor re-checks suitability on a decided intake during an engagement. */
@QuarkusTest
class SuitabilityCheckApiTest {
    private static final String NOTE = "Sleep has got worse since the move";

    private final TestTenant t = new TestTenant();

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private String decidedIntake() {
        String intake = ClientIntakes.opened(t);
        as(t.coach)
                .body(Map.of("pathway", "coaching", "practitionerId", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        return intake;
    }

    private static String checks(String intake) {
        return "/v1/intakes/" + intake + "/suitability-checks";
    }

    private static io.restassured.response.ValidatableResponse recheck(
            Tokens who, String intake, String key, Map<String, Object> body) {
        return as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(checks(intake))
                .then();
    }

    private static long stored(String intake) {
        return EmbeddedPostgres.shared()
                .count("select count(*) from suitability_check where intake_id = ?::uuid", intake);
    }

    @Test
    void theCoachAndASupervisorRecheckWithTheRecommendationRecomputedThen() {
        String intake = decidedIntake();
        String key = UUID.randomUUID().toString();
        String first = recheck(t.coach, intake, key, Map.of("conclusion", "continue", "note", NOTE))
                .statusCode(201)
                .body("decidedPathway", is("coaching"))
                .body("recomputedPathway", is("coaching"))
                .body("conclusion", is("continue"))
                .body("note", is(NOTE))
                .body("checkedBy", is(t.coach.subject()))
                .extract()
                .path("id");
        // A retried request with the same key records nothing more.
        recheck(t.coach, intake, key, Map.of("conclusion", "continue", "note", NOTE))
                .statusCode(201)
                .body("id", is(first));
        assertEquals(1, stored(intake));
        assertEquals(
                0,
                EmbeddedPostgres.shared().count("select count(*) from suitability_check where note like ?", "%Sleep%"));
        // Monitoring shows more need: the next re-check recomputes to therapy.
        as(t.client)
                .body(MonitoringApiTest.answers("PHQ-9", 2, 2, 2, 2, 2, 2, 2, 1, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        recheck(t.supervisor, intake, UUID.randomUUID().toString(), Map.of("conclusion", "refer"))
                .statusCode(201)
                .body("recomputedPathway", is("therapy"))
                .body("note", nullValue());
        String next = as(t.coach)
                .queryParam("limit", 1)
                .when()
                .get(checks(intake))
                .then()
                .statusCode(200)
                .body("items.conclusion", is(List.of("refer")))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        as(t.supervisor)
                .queryParam("limit", 1)
                .queryParam("cursor", next)
                .when()
                .get(checks(intake))
                .then()
                .statusCode(200)
                .body("items.id", is(List.of(first)));
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = ?"
                                        + " and resource_id = ?",
                                t.id,
                                "recheck-suitability",
                                intake));
        // Admins read the audit trail, not the conclusion (a clinical judgement).
        AdminsAuditView.assertNoReasons(t, intake, "recheck-suitability", 2);
        // Each read of the checks (and their notes) is audited too: the two pages above, by whom.
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'list'"
                                        + " and resource_type = 'suitability-check' and resource_id = ?"
                                        + " and actor in (?, ?)",
                                t.id,
                                intake,
                                t.coach.subject(),
                                t.supervisor.subject()));
    }

    @Test
    void beforeTheDecisionOrWithAnUnknownConclusionNothingIsRecorded() {
        String open = ClientIntakes.opened(t);
        recheck(t.coach, open, UUID.randomUUID().toString(), Map.of("conclusion", "continue"))
                .statusCode(409);
        String intake = decidedIntake();
        recheck(t.coach, intake, UUID.randomUUID().toString(), Map.of("conclusion", "carry-on"))
                .statusCode(422)
                .body("errors[0].field", is("conclusion"));
        recheck(t.coach, intake, UUID.randomUUID().toString(), Map.of("conclusion", "end", "note", "x".repeat(2_001)))
                .statusCode(422);
        assertEquals(0, stored(open));
        assertEquals(0, stored(intake));
    }

    @Test
    void onlyTheIntakesCoachAndSupervisorsRecheckOrList() {
        String intake = decidedIntake();
        for (Tokens refused : List.of(t.client, t.sponsor, t.admin)) {
            recheck(refused, intake, UUID.randomUUID().toString(), Map.of("conclusion", "end"))
                    .statusCode(403);
            as(refused).when().get(checks(intake)).then().statusCode(403);
        }
        recheck(t.otherCoach, intake, UUID.randomUUID().toString(), Map.of("conclusion", "end"))
                .statusCode(404);
        as(t.otherCoach).when().get(checks(intake)).then().statusCode(404);
        TestTenant other = TestTenant.another();
        for (Tokens stranger : List.of(other.coach, other.supervisor)) {
            recheck(stranger, intake, UUID.randomUUID().toString(), Map.of("conclusion", "end"))
                    .statusCode(404);
            as(stranger).when().get(checks(intake)).then().statusCode(404);
        }
        assertEquals(0, stored(intake));
        as(t.supervisor).when().get(checks(intake)).then().statusCode(200).body("items", hasSize(0));
        // A supervisor who does not supervise the intake's coach learns nothing of it.
        as(t.otherSupervisor).when().get(checks(intake)).then().statusCode(404);
    }

    @Test
    void theClientsPreferenceAndTheRechecksAreExportedAndErasedWithThem() {
        String intake = ClientIntakes.opened(t);
        as(t.client)
                .body(Map.of("preference", "not-sure", "note", "I would like to talk first"))
                .when()
                .put("/v1/me/intakes/" + intake + "/preference")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("pathway", "coaching", "practitionerId", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        recheck(t.coach, intake, UUID.randomUUID().toString(), Map.of("conclusion", "continue", "note", NOTE))
                .statusCode(201);
        String subject = t.client.subject();
        export(t.admin, subject, t.exportRequest(subject))
                .statusCode(200)
                .body("clientPreferences.preference", is(List.of("not-sure")))
                .body("clientPreferences[0].note", is("I would like to talk first"))
                .body("suitabilityChecks.note", is(List.of(NOTE)));

        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, subject, "intake.events").size());
        export(t.admin, subject, t.exportRequest(subject)).statusCode(200).body("clientPreferences", hasSize(0));
        var db = EmbeddedPostgres.shared();
        assertEquals(
                1,
                db.count(
                        "select count(*) from client_preference where intake_id = ?::uuid and note is null"
                                + " and recorded_by like 'erased-%'",
                        intake));
        assertEquals(
                1,
                db.count("select count(*) from suitability_check where intake_id = ?::uuid and note is null", intake));
        // The re-check itself stays (the safety record), readable to the supervisor without the note.
        as(t.supervisor)
                .when()
                .get(checks(intake))
                .then()
                .statusCode(200)
                .body("items.conclusion", is(List.of("continue")))
                .body("items[0].note", nullValue());
    }
}
