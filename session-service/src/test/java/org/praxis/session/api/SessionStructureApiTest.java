package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * A held session's outcome records the goals reviewed (this engagement's, with the client's rating then,
 * which joins the goal's progress history) and the priorities agreed for the next period.
 */
@QuarkusTest
class SessionStructureApiTest {
    private final TestTenant t = new TestTenant();

    private String activeEngagement(Tokens client) {
        return ActiveEngagements.open(t, client);
    }

    private String goal(String engagement, Tokens client, String title) {
        return as(client)
                .body(Map.of("title", title, "horizon", "proximal", "orientation", "learning", "direction", "approach"))
                .when()
                .post("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String schedule(String engagement, String model) {
        return as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video",
                        "model",
                        model))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .body("model", is(model))
                .extract()
                .path("id");
    }

    @Test
    void aHeldSessionRecordsTheGoalsReviewedAndTheNextPrioritiesAndTheRatingJoinsTheGoalsProgress() {
        String id = activeEngagement(t.client);
        String goal = goal(id, t.client, "Speak up in meetings");
        String session = schedule(id, "T-GROW");
        String outcome = "/v1/engagements/" + id + "/sessions/" + session + "/outcome";
        String elsewhere = goal(activeEngagement(t.otherClient), t.otherClient, "Someone else's goal");

        List<Map<String, Object>> bad = List.of(
                Map.of("status", "held", "goalsReviewed", List.of(Map.of("goalId", elsewhere, "rating", 5))),
                Map.of(
                        "status",
                        "held",
                        "goalsReviewed",
                        List.of(Map.of("goalId", goal, "rating", 5), Map.of("goalId", goal, "rating", 6))),
                Map.of("status", "held", "goalsReviewed", List.of(Map.of("goalId", goal, "rating", 11))),
                Map.of("status", "held", "goalsReviewed", List.of(Map.of("goalId", goal))),
                Map.of("status", "held", "goalsReviewed", Collections.nCopies(21, Map.of("goalId", goal, "rating", 5))),
                Map.of("status", "held", "nextPriorities", "x".repeat(10_001)),
                Map.of("status", "no-show", "nextPriorities", "Practise the opening line"));
        for (Map<String, Object> body : bad) {
            as(t.coach).body(body).when().post(outcome).then().statusCode(422).contentType("application/problem+json");
        }
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .body("items[0].status", is("scheduled"))
                .body("items[0].goalsReviewed", nullValue());
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));

        as(t.coach)
                .body(Map.of(
                        "status",
                        "held",
                        "goalsReviewed",
                        List.of(Map.of("goalId", goal, "rating", 7)),
                        "nextPriorities",
                        "Practise the opening line twice a week"))
                .when()
                .post(outcome)
                .then()
                .statusCode(200)
                .body("goalsReviewed[0].goalId", is(goal))
                .body("goalsReviewed[0].rating", is(7))
                .body("nextPriorities", is("Practise the opening line twice a week"));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .body("items[0].nextPriorities", is("Practise the opening line twice a week"));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .body("items.rating", is(List.of(7)));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/outcome")
                .then()
                .statusCode(200)
                .body("goals[0].ratings.rating", hasItem(7));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .body("items[0].goalsReviewed[0].rating", is(7));
    }

    @Test
    void onlyThePractitionerSideRecordsTheStructureAndAnotherTenantReachesNothing() {
        String id = activeEngagement(t.client);
        String goal = goal(id, t.client, "Sleep before midnight");
        String session = schedule(id, "PERMA");
        String outcome = "/v1/engagements/" + id + "/sessions/" + session + "/outcome";
        Map<String, Object> body =
                Map.of("status", "held", "goalsReviewed", List.of(Map.of("goalId", goal, "rating", 4)));
        as(t.client).body(body).when().post(outcome).then().statusCode(403);
        as(t.sponsor).body(body).when().post(outcome).then().statusCode(403);
        as(t.admin).body(body).when().post(outcome).then().statusCode(403);
        as(t.otherCoach).body(body).when().post(outcome).then().statusCode(404);
        as(t.supervisor).body(body).when().post(outcome).then().statusCode(404); // supervises no one here
        as(TestTenant.another().coach).body(body).when().post(outcome).then().statusCode(404);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .body("items.size()", is(0));
        as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video",
                        "model",
                        "SMART"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(422);
    }

    private String heldWithPriorities(Tokens client, String priorities) {
        String id = activeEngagement(client);
        String session = schedule(id, "T-GROW");
        as(t.coach)
                .body(Map.of("status", "held", "nextPriorities", priorities))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(200);
        return id;
    }

    @Test
    void erasingTheClientClearsTheAgreedPriorities() {
        String erased = heldWithPriorities(t.client, "Ask my manager for the project");
        String kept = heldWithPriorities(t.otherClient, "Book the course");
        assertEquals(
                1,
                ErasureRequests.erase(t.id, t.client.subject(), "session.events")
                        .size());
        as(t.coach)
                .when()
                .get("/v1/engagements/" + erased + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].nextPriorities", nullValue());
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from coaching_session where engagement_id = ?::uuid"
                                        + " and next_priorities is not null",
                                erased));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + kept + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].nextPriorities", is("Book the course"));
    }
}
