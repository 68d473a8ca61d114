package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** A goal's milestones, marked reached (or not) by the client or the practitioner. */
@QuarkusTest
class MilestoneApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private String engagement;
    private String goal;

    /** An engagement of the tenant's client and coach with one goal of two milestones; returns their ids. */
    private List<String> goalWithTwoMilestones() {
        engagement = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        goal = as(t.coach)
                .body(Map.of(
                        "title",
                        "Speak up in leadership meetings",
                        "horizon",
                        "proximal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "milestones",
                        List.of(
                                Map.of("title", "One point per meeting", "dueDate", "2027-01-15"),
                                Map.of("title", "Chair one meeting"))))
                .when()
                .post("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return as(t.coach)
                .when()
                .get("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].milestones.id");
    }

    private String path(String milestone) {
        return "/v1/engagements/" + engagement + "/goals/" + goal + "/milestones/" + milestone + "/reached";
    }

    private io.restassured.response.ValidatableResponse mark(Tokens who, String milestone, Object reached) {
        return as(who).body(reached == null ? Map.of() : Map.of("reached", reached))
                .when()
                .post(path(milestone))
                .then();
    }

    private String reachedAt(String milestone) {
        return as(t.client)
                .when()
                .get("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].milestones.find { it.id == '" + milestone + "' }.reachedAt");
    }

    private long reachedInStorage() {
        return EmbeddedPostgres.shared()
                .count("select count(*) from goal_milestone where goal_id = ?::uuid and reached_at is not null", goal);
    }

    @Test
    void theClientAndTheCoachMarkAMilestoneReachedAndTheGoalShowsIt() {
        List<String> milestones = goalWithTwoMilestones();
        String first = milestones.get(0);
        mark(t.client, first, true)
                .statusCode(200)
                .body("id", is(first))
                .body("title", is("One point per meeting"))
                .body("reachedAt", notNullValue());
        String at = reachedAt(first);
        assertEquals(null, reachedAt(milestones.get(1)), "only the one marked");
        // Marked again: it was reached then, not now.
        mark(t.coach, first, true).statusCode(200).body("reachedAt", is(at));
        mark(t.coach, first, false).statusCode(200).body("reachedAt", nullValue());
        assertEquals(null, reachedAt(first));
        assertEquals(0, reachedInStorage());

        assertEquals(
                3,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and resource_type = 'goal'"
                                        + " and resource_id = ? and action like 'mark-milestone-%'",
                                t.id, goal),
                "each marking audited on the goal");
    }

    @Test
    void onlyTheClientAndThePractitionerMarkAndOthersLearnNothing() {
        List<String> milestones = goalWithTwoMilestones();
        String first = milestones.get(0);
        // The coach's supervisor reads the goal but does not mark it; roles that never mark are refused by role.
        t.supervisorSupervisesCoach();
        for (Tokens refused : List.of(t.supervisor, t.sponsor, t.admin)) {
            mark(refused, first, true).statusCode(403).contentType(PROBLEM);
        }
        // Who does not reach the engagement learns nothing of it.
        for (Tokens stranger :
                List.of(t.otherCoach, t.otherClient, TestTenant.another().coach, TestTenant.another().client)) {
            mark(stranger, first, true).statusCode(404).contentType(PROBLEM);
        }
        // An unknown milestone, one of another engagement's goal, this goal under another engagement: 404.
        mark(t.client, UUID.randomUUID().toString(), true).statusCode(404).contentType(PROBLEM);
        String ownGoal = goal;
        String ownEngagement = engagement;
        String otherMilestone = goalWithTwoMilestones().get(0);
        String otherEngagement = engagement;
        engagement = ownEngagement;
        goal = ownGoal;
        mark(t.client, otherMilestone, true).statusCode(404).contentType(PROBLEM);
        engagement = otherEngagement;
        mark(t.client, first, true).statusCode(404).contentType(PROBLEM);
        engagement = ownEngagement;
        // No answer given: 422, and nothing changes.
        mark(t.client, first, null).statusCode(422).contentType(PROBLEM);
        assertEquals(0, reachedInStorage());
    }

    @Test
    void aClosedEngagementsMilestonesStayAsTheyWere() {
        List<String> milestones = goalWithTwoMilestones();
        mark(t.client, milestones.get(0), true).statusCode(200);
        String base = "/v1/engagements/" + engagement;
        String etag = as(t.coach).when().get(base).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post(base + "/status")
                .then()
                .statusCode(200);
        mark(t.client, milestones.get(0), false).statusCode(409).contentType(PROBLEM);
        mark(t.coach, milestones.get(1), true).statusCode(409).contentType(PROBLEM);
        assertEquals(1, reachedInStorage());
    }
}
