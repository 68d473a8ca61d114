package org.praxis.intake.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * The holes of issue 16 that intake-service closes, through the API: each test here failed on the
 * code before the access policies.
 */
@QuarkusTest
class AccessHolesApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private final Tokens strangerSupervisor = TestTenant.another().supervisor;
    private final Tokens strangerCoach = TestTenant.another().coach;

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    /** An intake the client opens for themselves: it waits in the supervisors' triage queue. */
    private String clientOpens() {
        return as(t.client)
                .body(Map.of(
                        "displayName",
                        "Pat Example",
                        "presentingConcerns",
                        "sleepless since the merger",
                        "hopedForOutcomes",
                        "calmer mornings"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> phq9(int... answers) {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            a.put(Integer.toString(i + 1), answers[i]);
        }
        return Map.of("instrument", "PHQ-9", "answers", a);
    }

    private void allowClaiming(boolean allowed) {
        String etag = as(t.admin)
                .when()
                .get("/v1/triage-policy")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Object> policy = new HashMap<>(as(t.admin)
                .when()
                .get("/v1/triage-policy")
                .then()
                .extract()
                .jsonPath()
                .getMap("policy"));
        policy.put("coachesMayClaim", allowed);
        as(t.admin)
                .header("If-Match", etag)
                .body(policy)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(200)
                .body("policy.coachesMayClaim", is(allowed));
    }

    // ------------------------------------------------------------------ the drift: risk flags

    @Test
    void aCoachNeitherReadsNorMovesNorListsAFlagOfAnUnassignedIntake() {
        String id = clientOpens();
        as(t.client)
                .body(phq9(1, 1, 1, 1, 1, 1, 1, 1, 2))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        String flag = RaisedFlags.onlyFlagOf(id);
        as(t.coach).when().get("/v1/risk-flags/" + flag).then().statusCode(404).contentType(PROBLEM);
        as(t.coach)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.coach).when().get("/v1/risk-flags").then().statusCode(200).body("items.id", not(hasItem(flag)));
        // Every supervisor of the tenant sees the risk queue (DESIGN.md's exception).
        as(t.supervisor).when().get("/v1/risk-flags").then().statusCode(200).body("items.id", hasItem(flag));
        as(t.supervisor).when().get("/v1/risk-flags/" + flag).then().statusCode(200);
        as(strangerSupervisor).when().get("/v1/risk-flags/" + flag).then().statusCode(404);

        // Once the intake is assigned to the coach, read, move and list agree again.
        as(t.supervisor)
                .body(Map.of("coach", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/coach-assignment")
                .then()
                .statusCode(200);
        as(t.coach).when().get("/v1/risk-flags").then().body("items.id", hasItem(flag));
        as(t.coach).when().get("/v1/risk-flags/" + flag).then().statusCode(200);
        as(t.coach)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(200);
        as(t.otherCoach).when().get("/v1/risk-flags/" + flag).then().statusCode(404);
    }

    // ------------------------------------------------------------------ hole 2: unassigned intakes

    @Test
    void anUnassignedIntakeIsHiddenFromCoachesAndWaitsInTheSupervisorsQueue() {
        String id = clientOpens();
        String sid = as(t.client)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach).when().get("/v1/intakes/" + id).then().statusCode(404).contentType(PROBLEM);
        as(t.coach).when().get("/v1/intakes").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(t.coach).when().get("/v1/intakes/" + id + "/screenings").then().statusCode(404);
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(404);
        as(t.coach)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(404);
        as(t.coach).when().get("/v1/intakes/" + id + "/recommendation").then().statusCode(404);
        // Claiming is off by default: no triage card either.
        as(t.coach)
                .when()
                .get("/v1/intakes/triage-queue")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));

        as(t.supervisor)
                .when()
                .get("/v1/intakes/triage-queue")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("presentingConcerns")))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("displayName")))
                .body("items.find { it.id == '" + id + "' }.status", is("open"))
                .body("items.find { it.id == '" + id + "' }.openRiskFlags", is(false))
                .body("items.find { it.id == '" + id + "' }.recommendedPathway", is("coaching"));
        as(t.supervisor)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(200);
        as(t.client).when().get("/v1/intakes/triage-queue").then().statusCode(403);
        as(t.sponsor).when().get("/v1/intakes/triage-queue").then().statusCode(403);
        as(t.admin).when().get("/v1/intakes/triage-queue").then().statusCode(403);
        as(strangerSupervisor)
                .when()
                .get("/v1/intakes/triage-queue")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aSupervisorAssignsACoachAuditedAndEachOtherRoleIsRefused() {
        String id = clientOpens();
        Map<String, String> body = Map.of("coach", t.coach.subject());
        String path = "/v1/intakes/" + id + "/coach-assignment";
        as(t.coach).body(body).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as(t.client).body(body).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as(t.sponsor).body(body).when().post(path).then().statusCode(403);
        as(t.admin).body(body).when().post(path).then().statusCode(403);
        as(strangerSupervisor)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.supervisor).body(Map.of()).when().post(path).then().statusCode(422);
        as(t.supervisor)
                .header("If-Match", "\"7\"")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(412);

        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("assignedCoach", is(t.coach.subject()))
                .header("ETag", notNullValue());
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and resource_id = ? and action = 'assign-coach'",
                        t.id,
                        id));
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id)
                .then()
                .statusCode(200)
                .body("presentingConcerns", is("sleepless since the merger"));
        as(t.coach).when().get("/v1/intakes").then().body("items.id", hasItem(id));
        as(t.otherCoach).when().get("/v1/intakes/" + id).then().statusCode(404);
        // The assigned coach sees it but may not hand it on; only a supervisor reassigns.
        as(t.coach)
                .body(Map.of("coach", t.otherCoach.subject()))
                .when()
                .post(path)
                .then()
                .statusCode(403);
        as(t.supervisor).when().get("/v1/intakes/triage-queue").then().body("items.id", not(hasItem(id)));
    }

    /** referral-service moves the intake's drafts on this event: one per change of coach, none for the same coach. */
    @Test
    void eachChangeOfTheIntakesCoachIsPublishedOnce() {
        String id = clientOpens();
        String path = "/v1/intakes/" + id + "/coach-assignment";
        String sql = "select count(*) from outbox_event where aggregate_id = ?"
                + " and event_type = 'org.praxis.intake.intake.coach-assigned.v1'"
                + " and coalesce(payload->>'fromPractitionerId', '') = ? and payload->>'toPractitionerId' = ?"
                + " and payload->>'reason' = 'assign-coach' and payload->>'clientSubject' = ?";
        as(t.supervisor)
                .body(Map.of("coach", t.coach.subject()))
                .when()
                .post(path)
                .then()
                .statusCode(200);
        assertEquals(1, count(sql, id, "", t.coach.subject(), t.client.subject()));
        // Reassigned to a coach the supervisor also supervises, so they still reach the intake after.
        SupervisionEvents.assign(t.id, t.otherCoach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .body(Map.of("coach", t.otherCoach.subject()))
                .when()
                .post(path)
                .then()
                .statusCode(200);
        as(t.supervisor)
                .body(Map.of("coach", t.otherCoach.subject()))
                .when()
                .post(path)
                .then()
                .statusCode(200);
        assertEquals(1, count(sql, id, t.coach.subject(), t.otherCoach.subject(), t.client.subject()));
        assertEquals(
                2,
                count(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type like '%coach-assigned%'",
                        id));
    }

    @Test
    void aCoachClaimsAnUnassignedIntakeOnlyWhereTheTenantAllowsIt() {
        String id = clientOpens();
        String path = "/v1/intakes/" + id + "/claim";
        as(t.coach).when().post(path).then().statusCode(404).contentType(PROBLEM);

        allowClaiming(true);
        as(t.coach)
                .when()
                .get("/v1/intakes/triage-queue")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("presentingConcerns")))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("displayName")))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("clientSubject")))
                .body("items.find { it.id == '" + id + "' }.openRiskFlags", is(false));
        as(t.coach).when().get("/v1/intakes/" + id).then().statusCode(404);
        as(t.client).when().post(path).then().statusCode(403);
        as(t.sponsor).when().post(path).then().statusCode(403);
        as(t.admin).when().post(path).then().statusCode(403);
        as(t.supervisor).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as(strangerCoach).when().post(path).then().statusCode(404);

        as(t.coach).when().post(path).then().statusCode(200).body("assignedCoach", is(t.coach.subject()));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and resource_id = ? and action = 'claim'",
                        t.id,
                        id));
        as(t.coach).when().get("/v1/intakes/" + id).then().statusCode(200);
        as(t.otherCoach).when().post(path).then().statusCode(404);
        as(t.otherCoach).when().get("/v1/intakes/triage-queue").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void aCoachOpensIntakesOnlyForThemselves() {
        as(t.coach)
                .body(Map.of("displayName", "Sam", "assignedCoach", t.otherCoach.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("assignedCoach"));
        as(t.supervisor)
                .body(Map.of("displayName", "Sam", "assignedCoach", t.otherCoach.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .body("assignedCoach", is(t.otherCoach.subject()));
    }

    @Test
    void adminsReachClinicalContentOnlyThroughTheExport() {
        String id = clientOpens();
        as(t.admin).when().get("/v1/intakes/" + id).then().statusCode(403);
        as(t.admin).when().get("/v1/intakes/" + id + "/screenings").then().statusCode(403);
        as(t.admin).when().get("/v1/intakes").then().statusCode(403);
    }

    // ------------------------------------------------------------------ hole 3: a decision names a practitioner

    @Test
    void aCoachNamesOnlyThemselvesInADecisionAndASupervisorAnyPractitioner() {
        String id = as(t.coach)
                .body(Map.of("displayName", "Sam", "clientSubject", t.client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of("pathway", "coaching", "practitionerId", t.otherCoach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(t.client)
                .body(Map.of("pathway", "coaching", "practitionerId", t.client.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(403);
        assertEquals(0, count("select count(*) from decision where intake_id = ?::uuid", id));
        as(t.supervisor)
                .body(Map.of("pathway", "coaching", "practitionerId", t.otherCoach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(201)
                .body("practitionerId", is(t.otherCoach.subject()));

        String mine = as(t.coach)
                .body(Map.of("displayName", "Sam", "clientSubject", t.client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of("pathway", "coaching", "practitionerId", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + mine + "/decision")
                .then()
                .statusCode(201);
    }
}
