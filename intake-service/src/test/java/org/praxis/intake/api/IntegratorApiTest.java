package org.praxis.intake.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * What an integrator missed (issue 20): why a decision drafts no engagement, the risk flags beside the scores,
 * the flags of one intake, and the caller's own subject.
 */
@io.quarkus.test.junit.QuarkusTest
class IntegratorApiTest {
    private final TestTenant t = new TestTenant();

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private String openIntake(Map<String, String> body) {
        return as(t.coach)
                .body(body)
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String openIntake() {
        return openIntake(Map.of("clientSubject", t.client.subject(), "displayName", "Pat Example"));
    }

    private static Map<String, Object> phq9WithItem9(int item9) {
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put(Integer.toString(i), 0);
        }
        answers.put("9", item9);
        return Map.of("instrument", "PHQ-9", "answers", answers);
    }

    private String decide(String intake, Map<String, String> body) {
        return as(t.coach)
                .body(body)
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201)
                .extract()
                .path("engagementDraft");
    }

    @Test
    void aDecisionSaysWhetherItAsksForAnEngagementAndWhyNot() {
        String coach = t.coach.subject();
        assertEquals("requested", decide(openIntake(), Map.of("pathway", "coaching", "practitionerId", coach)));
        assertEquals("no-practitioner", decide(openIntake(), Map.of("pathway", "coaching")));
        assertEquals(
                "not-a-coaching-pathway",
                decide(
                        openIntake(),
                        Map.of("pathway", "therapy", "practitionerId", coach, "reason", "asked for a therapist")));
        String noAccount = openIntake(Map.of("displayName", "No Account"));
        assertEquals("no-client-account", decide(noAccount, Map.of("pathway", "coaching", "practitionerId", coach)));
    }

    @Test
    void listedScoresCarryTheirFlagsForThoseWhoMaySeeFlags() {
        String id = openIntake();
        as(t.client)
                .body(phq9WithItem9(2))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        String flag = RaisedFlags.onlyFlagOf(id);
        for (Tokens seesFlags : new Tokens[] {t.coach, t.supervisor}) {
            as(seesFlags)
                    .when()
                    .get("/v1/intakes/" + id + "/screenings")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].riskFlags", hasSize(1))
                    .body("items[0].riskFlags[0].id", is(flag))
                    .body("items[0].riskFlags[0].code", is("self-harm-thoughts"))
                    .body("items[0].riskFlags[0].level", is("serious"))
                    .body("items[0].riskFlags[0].status", is("raised"));
        }
        // The client sees the score, not the flags (as GET /v1/risk-flags/{id} refuses them), nor their wording.
        as(t.client)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items[0].total", is(2))
                .body("items[0].riskFlags", nullValue())
                .body("items[0].wording.riskFlags", nullValue());
        as(t.otherCoach).when().get("/v1/intakes/" + id + "/screenings").then().statusCode(404);
        as(TestTenant.another().supervisor)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(404);
        // Showing flags is a listing of flags, audited like GET /v1/risk-flags.
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'list'"
                                        + " and resource_type = 'risk-flag'",
                                t.id));
    }

    @Test
    void riskFlagsListByIntakeUnderTheSameRule() {
        String mine = openIntake();
        String other = openIntake();
        String flag = raise(mine);
        raise(other);
        for (Tokens seesFlags : new Tokens[] {t.coach, t.supervisor}) {
            as(seesFlags)
                    .queryParam("intakeId", mine)
                    .when()
                    .get("/v1/risk-flags")
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(flag))
                    .body("items[0].intakeId", is(mine));
        }
        as(t.supervisor).when().get("/v1/risk-flags").then().body("items", hasSize(2));
        as(t.otherCoach)
                .queryParam("intakeId", mine)
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as(TestTenant.another().supervisor)
                .queryParam("intakeId", mine)
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as(t.client)
                .queryParam("intakeId", mine)
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(403);
    }

    private String raise(String intake) {
        return as(t.coach)
                .body(Map.of("code", "coach-concern", "level", "elevated"))
                .when()
                .post("/v1/intakes/" + intake + "/risk-flags")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theCallerReadsTheirOwnSubjectTenantAndRoles() {
        as(t.client)
                .when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("subject", is(t.client.subject()))
                .body("tenant", is(t.id))
                .body("roles", contains("client"));
        Tokens both = t.person("coach-and-supervisor", "coach", "supervisor", "offline_access");
        as(both).when()
                .get("/v1/me")
                .then()
                .statusCode(200)
                .body("subject", is("coach-and-supervisor"))
                .body("roles", containsInAnyOrder("coach", "supervisor"));
        TestTenant another = TestTenant.another();
        as(another.admin).when().get("/v1/me").then().body("tenant", is(another.id));
        // What a client app passes on is what an intake opened for that client holds.
        String id = openIntake();
        as(t.coach).when().get("/v1/intakes/" + id).then().body("clientSubject", is(t.client.subject()));
        RestAssured.given().when().get("/v1/me").then().statusCode(401);
        as(t.sponsor).when().get("/v1/me").then().statusCode(200).body("subject", notNullValue());
    }
}
