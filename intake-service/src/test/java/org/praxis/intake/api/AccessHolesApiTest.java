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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/**
 * The holes of issue 16 that intake-service closes, through the API: each test here failed on the
 * code before the access policies.
 */
@QuarkusTest
class AccessHolesApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens otherCoach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
    private final Tokens client = Tokens.anyone().tenant(tenant).roles("client");
    private final Tokens sponsor = Tokens.anyone().tenant(tenant).roles("sponsor");
    private final Tokens admin = Tokens.anyone().tenant(tenant).roles("admin");
    private final Tokens strangerSupervisor =
            Tokens.anyone().tenant("other-" + tenant).roles("supervisor");
    private final Tokens strangerCoach =
            Tokens.anyone().tenant("other-" + tenant).roles("coach");

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    /** An intake the client opens for themselves: it waits in the supervisors' triage queue. */
    private String clientOpens() {
        return as(client)
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
        String etag = as(admin)
                .when()
                .get("/v1/triage-policy")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Object> policy = new HashMap<>(as(admin)
                .when()
                .get("/v1/triage-policy")
                .then()
                .extract()
                .jsonPath()
                .getMap("policy"));
        policy.put("coachesMayClaim", allowed);
        as(admin)
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
        String flag = as(client)
                .body(phq9(1, 1, 1, 1, 1, 1, 1, 1, 2))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("riskFlags[0].id");
        as(coach).when().get("/v1/risk-flags/" + flag).then().statusCode(404).contentType(PROBLEM);
        as(coach)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(coach).when().get("/v1/risk-flags").then().statusCode(200).body("items.id", not(hasItem(flag)));
        // Every supervisor of the tenant sees the risk queue (DESIGN.md's exception).
        as(supervisor).when().get("/v1/risk-flags").then().statusCode(200).body("items.id", hasItem(flag));
        as(supervisor).when().get("/v1/risk-flags/" + flag).then().statusCode(200);
        as(strangerSupervisor).when().get("/v1/risk-flags/" + flag).then().statusCode(404);

        // Once the intake is assigned to the coach, read, move and list agree again.
        as(supervisor)
                .body(Map.of("coach", coach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/coach-assignment")
                .then()
                .statusCode(200);
        as(coach).when().get("/v1/risk-flags").then().body("items.id", hasItem(flag));
        as(coach).when().get("/v1/risk-flags/" + flag).then().statusCode(200);
        as(coach)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(200);
        as(otherCoach).when().get("/v1/risk-flags/" + flag).then().statusCode(404);
    }

    // ------------------------------------------------------------------ hole 2: unassigned intakes

    @Test
    void anUnassignedIntakeIsHiddenFromCoachesAndWaitsInTheSupervisorsQueue() {
        String id = clientOpens();
        String sid = as(client)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(coach).when().get("/v1/intakes/" + id).then().statusCode(404).contentType(PROBLEM);
        as(coach).when().get("/v1/intakes").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(coach).when().get("/v1/intakes/" + id + "/screenings").then().statusCode(404);
        as(coach).when().get("/v1/intakes/" + id + "/screenings/" + sid).then().statusCode(404);
        as(coach)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(404);
        as(coach).when().get("/v1/intakes/" + id + "/recommendation").then().statusCode(404);
        // Claiming is off by default: no triage card either.
        as(coach).when().get("/v1/intakes/triage-queue").then().statusCode(200).body("items.id", not(hasItem(id)));

        as(supervisor)
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
        as(supervisor)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(200);
        as(client).when().get("/v1/intakes/triage-queue").then().statusCode(403);
        as(sponsor).when().get("/v1/intakes/triage-queue").then().statusCode(403);
        as(admin).when().get("/v1/intakes/triage-queue").then().statusCode(403);
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
        Map<String, String> body = Map.of("coach", coach.subject());
        String path = "/v1/intakes/" + id + "/coach-assignment";
        as(coach).body(body).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as(client).body(body).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as(sponsor).body(body).when().post(path).then().statusCode(403);
        as(admin).body(body).when().post(path).then().statusCode(403);
        as(strangerSupervisor)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(supervisor).body(Map.of()).when().post(path).then().statusCode(422);
        as(supervisor)
                .header("If-Match", "\"7\"")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(412);

        as(supervisor)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("assignedCoach", is(coach.subject()))
                .header("ETag", notNullValue());
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and resource_id = ? and action = 'assign-coach'",
                        tenant,
                        id));
        as(coach)
                .when()
                .get("/v1/intakes/" + id)
                .then()
                .statusCode(200)
                .body("presentingConcerns", is("sleepless since the merger"));
        as(coach).when().get("/v1/intakes").then().body("items.id", hasItem(id));
        as(otherCoach).when().get("/v1/intakes/" + id).then().statusCode(404);
        // The assigned coach sees it but may not hand it on; only a supervisor reassigns.
        as(coach)
                .body(Map.of("coach", otherCoach.subject()))
                .when()
                .post(path)
                .then()
                .statusCode(403);
        as(supervisor).when().get("/v1/intakes/triage-queue").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void aCoachClaimsAnUnassignedIntakeOnlyWhereTheTenantAllowsIt() {
        String id = clientOpens();
        String path = "/v1/intakes/" + id + "/claim";
        as(coach).when().post(path).then().statusCode(404).contentType(PROBLEM);

        allowClaiming(true);
        as(coach)
                .when()
                .get("/v1/intakes/triage-queue")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("presentingConcerns")))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("displayName")))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("clientSubject")))
                .body("items.find { it.id == '" + id + "' }.openRiskFlags", is(false));
        as(coach).when().get("/v1/intakes/" + id).then().statusCode(404);
        as(client).when().post(path).then().statusCode(403);
        as(sponsor).when().post(path).then().statusCode(403);
        as(admin).when().post(path).then().statusCode(403);
        as(supervisor).when().post(path).then().statusCode(403).contentType(PROBLEM);
        as(strangerCoach).when().post(path).then().statusCode(404);

        as(coach).when().post(path).then().statusCode(200).body("assignedCoach", is(coach.subject()));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and resource_id = ? and action = 'claim'",
                        tenant,
                        id));
        as(coach).when().get("/v1/intakes/" + id).then().statusCode(200);
        as(otherCoach).when().post(path).then().statusCode(404);
        as(otherCoach).when().get("/v1/intakes/triage-queue").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void aCoachOpensIntakesOnlyForThemselves() {
        as(coach)
                .body(Map.of("displayName", "Sam", "assignedCoach", otherCoach.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("assignedCoach"));
        as(supervisor)
                .body(Map.of("displayName", "Sam", "assignedCoach", otherCoach.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .body("assignedCoach", is(otherCoach.subject()));
    }

    @Test
    void adminsReachClinicalContentOnlyThroughTheExport() {
        String id = clientOpens();
        as(admin).when().get("/v1/intakes/" + id).then().statusCode(403);
        as(admin).when().get("/v1/intakes/" + id + "/screenings").then().statusCode(403);
        as(admin).when().get("/v1/intakes").then().statusCode(403);
    }

    // ------------------------------------------------------------------ hole 3: a decision names a practitioner

    @Test
    void aCoachNamesOnlyThemselvesInADecisionAndASupervisorAnyPractitioner() {
        String id = as(coach)
                .body(Map.of("displayName", "Sam", "clientSubject", client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(coach)
                .body(Map.of("pathway", "coaching", "practitionerId", otherCoach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(client)
                .body(Map.of("pathway", "coaching", "practitionerId", client.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(403);
        assertEquals(0, count("select count(*) from decision where intake_id = ?::uuid", id));
        as(supervisor)
                .body(Map.of("pathway", "coaching", "practitionerId", otherCoach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(201)
                .body("practitionerId", is(otherCoach.subject()));

        String mine = as(coach)
                .body(Map.of("displayName", "Sam", "clientSubject", client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(coach)
                .body(Map.of("pathway", "coaching", "practitionerId", coach.subject()))
                .when()
                .post("/v1/intakes/" + mine + "/decision")
                .then()
                .statusCode(201);
    }
}
