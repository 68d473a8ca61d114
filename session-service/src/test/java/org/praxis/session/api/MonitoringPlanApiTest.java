package org.praxis.session.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.session.MonitoredEngagements.decided;
import static org.praxis.session.MonitoredEngagements.newIntake;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/** Issue 21: monitoring plans, drafted with the tenant's policy with the engagement, edited by its practitioner. */
@QuarkusTest
class MonitoringPlanApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();

    private final TestTenant t = new TestTenant();

    private String plan(String engagement) {
        return "/v1/engagements/" + engagement + "/monitoring-plan";
    }

    @Test
    void aDraftOnAMonitoringPathwayGetsTheTenantsDefaultsAndPlainCoachingNone() {
        String monitored = decided(t, newIntake(), "coaching-with-monitoring");
        as(t.coach)
                .when()
                .get(plan(monitored))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("engagementId", is(monitored))
                .body("instruments", contains("PHQ-9", "GAD-7"))
                .body("everySessions", is(2))
                .body("everyWeeks", nullValue())
                .body("until", nullValue());

        String plain = decided(t, newIntake(), "coaching");
        as(t.coach).when().get(plan(plain)).then().statusCode(404).contentType(PROBLEM);
        // No plan, or a plan the caller may not see: the same answer, so a 404 does not tell the pathway.
        for (String engagement : List.of(monitored, plain)) {
            as(t.otherCoach)
                    .when()
                    .get(plan(engagement))
                    .then()
                    .statusCode(404)
                    .body("detail", is("Monitoring plan " + engagement + " was not found."));
        }
        assertEquals(0, DB.count("select count(*) from monitoring_plan where engagement_id = ?::uuid", plain));

        // Opened through the API on integrated work (its coach eligible for it): a plan as well.
        TopicProbe.sendEvent(
                "assessment.events",
                "org.praxis.assessment.eligibility.changed.v1",
                "/assessment-service",
                t.id,
                t.coach.subject(),
                "{\"practitionerId\":\"" + t.coach.subject()
                        + "\",\"eligibilities\":[\"core-coaching\",\"integrated-practice\"]}");
        DB.awaitCount(
                2,
                "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                t.id,
                t.coach.subject());
        String opened = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "integrated"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach).when().get(plan(opened)).then().statusCode(200).body("instruments", contains("PHQ-9", "GAD-7"));
    }

    @Test
    void anAdminsPolicyIsTheDefaultOfPlansDraftedAfterIt() {
        String policy = "/v1/admin/monitoring-policy";
        as(t.admin)
                .when()
                .get(policy)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("defaults", is(true))
                .body("policy.instruments", contains("PHQ-9", "GAD-7"))
                .body("policy.everySessions", is(2));
        Map<String, Object> weekly = Map.of("instruments", List.of("WHO-5", "WSAS"), "everyWeeks", 4);
        as(t.admin).body(weekly).when().put(policy).then().statusCode(428).contentType(PROBLEM);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("WHO-5"), "everyWeeks", 4, "everySessions", 2))
                .when()
                .put(policy)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("everySessions"));
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(weekly)
                .when()
                .put(policy)
                .then()
                .statusCode(403);
        as(t.coach).when().get(policy).then().statusCode(403);
        assertEquals(0, DB.count("select count(*) from monitoring_policy where tenant_id = ?", t.id));
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(weekly)
                .when()
                .put(policy)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("defaults", is(false));
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(weekly)
                .when()
                .put(policy)
                .then()
                .statusCode(412);
        // Another tenant keeps the built-in defaults.
        as(TestTenant.another().admin).when().get(policy).then().body("defaults", is(true));

        String id = decided(t, newIntake(), "coaching-with-monitoring");
        as(t.coach)
                .when()
                .get(plan(id))
                .then()
                .statusCode(200)
                .body("instruments", contains("WHO-5", "WSAS"))
                .body("everyWeeks", is(4))
                .body("everySessions", nullValue());
    }

    @Test
    void thePractitionerEditsThePlanWithIfMatchAndOthersOnlyRead() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        Map<String, Object> edit =
                Map.of("instruments", List.of("PHQ-9", "WSAS"), "everySessions", 3, "until", "2027-06-30");
        as(t.coach).body(edit).when().put(plan(id)).then().statusCode(428).contentType(PROBLEM);
        as(t.coach)
                .header("If-Match", "\"7\"")
                .body(edit)
                .when()
                .put(plan(id))
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("PHQ-9", "PHQ-9"), "everySessions", 3))
                .when()
                .put(plan(id))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("instruments"));
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("PHQ 9; drop"), "everySessions", 3))
                .when()
                .put(plan(id))
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("PHQ-9"), "everySessions", 53))
                .when()
                .put(plan(id))
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        assertEquals(
                0, DB.count("select count(*) from monitoring_plan where engagement_id = ?::uuid and version > 0", id));

        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .put(plan(id))
                .then()
                .statusCode(403);
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .put(plan(id))
                .then()
                .statusCode(403);
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .put(plan(id))
                .then()
                .statusCode(404);

        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(edit)
                .when()
                .put(plan(id))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("instruments", contains("PHQ-9", "WSAS"))
                .body("everySessions", is(3))
                .body("until", is("2027-06-30"));
        assertEquals(
                1,
                DB.count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'replace'"
                                + " and resource_type = 'monitoring-plan'",
                        t.id));

        as(t.supervisor).when().get(plan(id)).then().statusCode(200).body("everySessions", is(3));
        as(t.client).when().get(plan(id)).then().statusCode(200).body("instruments", contains("PHQ-9", "WSAS"));
        as(t.otherClient).when().get(plan(id)).then().statusCode(404);
        as(t.otherCoach).when().get(plan(id)).then().statusCode(404);
        as(t.otherSupervisor).when().get(plan(id)).then().statusCode(404);
        as(t.sponsor).when().get(plan(id)).then().statusCode(403);
        as(TestTenant.another().coach).when().get(plan(id)).then().statusCode(404);
    }
}
