package org.praxis.intake.api;

import static org.hamcrest.Matchers.is;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TestTenant;

@QuarkusTest
class TriagePolicyTest {
    private final TestTenant t = new TestTenant();

    private static final Map<String, Integer> CAUTIOUS = Map.of(
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
            2);

    @Test
    void anAdminChangesTheThresholdsAndTriageFollows() {
        as(t.coach)
                .when()
                .get("/v1/triage-policy")
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("defaults", is(true))
                .body("policy.phq9Therapy", is(15));
        as(t.admin).body(CAUTIOUS).when().put("/v1/triage-policy").then().statusCode(428);
        as(t.admin)
                .header("If-Match", "\"3\"")
                .body(CAUTIOUS)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(412);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(CAUTIOUS)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("policy.phq9Therapy", is(12));
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(CAUTIOUS)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(412);

        String id = as(t.coach)
                .body(Map.of("displayName", "Sam", "clientSubject", "c1"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of(
                        "instrument",
                        "PHQ-9",
                        "answers",
                        Map.of("1", 2, "2", 2, "3", 2, "4", 2, "5", 2, "6", 1, "7", 1, "8", 0, "9", 0)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("total", is(12));
        as(t.coach).when().get("/v1/intakes/" + id + "/recommendation").then().body("pathway", is("therapy"));
        // PHQ-2 with the tenant's threshold of 2.
        as(t.coach)
                .body(Map.of("instrument", "PHQ-2", "answers", Map.of("1", 1, "2", 1)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("severity", is("positive"))
                .body("scoringVersion", is("PHQ-2/sum/1/threshold-2"));
        // GAD-2 keeps its own cut-off of 3: the tenant's threshold is PHQ-2's.
        as(t.coach)
                .body(Map.of("instrument", "GAD-2", "answers", Map.of("1", 1, "2", 1)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("severity", is("negative"))
                .body("scoringVersion", is("GAD-2/sum/1"));
        // Other tenants keep the defaults.
        as(TestTenant.another().coach).when().get("/v1/triage-policy").then().body("defaults", is(true));
    }

    /** More cautious than the published bands, yes; less, no: severe depression never goes to coaching. */
    @Test
    void aTenantCannotRaiseAThresholdPastItsPublishedBand() {
        for (Map.Entry<String, Integer> lax : Map.of(
                        "phq9Therapy", 21,
                        "gad7Therapy", 16,
                        "phq9Monitoring", 11,
                        "gad7Monitoring", 11,
                        "wsasMonitoring", 22,
                        "screenPositiveThreshold", 4)
                .entrySet()) {
            Map<String, Integer> body = new java.util.HashMap<>(CAUTIOUS);
            body.put(lax.getKey(), lax.getValue());
            as(t.admin)
                    .header("If-Match", "\"0\"")
                    .body(body)
                    .when()
                    .put("/v1/triage-policy")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItem(lax.getKey()));
        }
        Map<String, Integer> atTheCaps = Map.of(
                "phq9Therapy", 20,
                "gad7Therapy", 15,
                "phq9Integrated", 12,
                "gad7Integrated", 10,
                "phq9Monitoring", 10,
                "gad7Monitoring", 10,
                "wsasMonitoring", 21,
                "screenPositiveThreshold", 3);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(atTheCaps)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(200)
                .body("policy.phq9Therapy", is(20));
    }

    @Test
    void thresholdsOutOfOrderAre422AndOnlyAdminsChangeThem() {
        Map<String, Integer> inverted = new java.util.HashMap<>(CAUTIOUS);
        inverted.put("phq9Integrated", 20);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(inverted)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(CAUTIOUS)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(403);
        as(t.user("supervisor"))
                .header("If-Match", "\"0\"")
                .body(CAUTIOUS)
                .when()
                .put("/v1/triage-policy")
                .then()
                .statusCode(403);
        as(t.user("client")).when().get("/v1/triage-policy").then().statusCode(403);
        as(t.admin).when().get("/v1/triage-policy").then().body("defaults", is(true));
    }
}
