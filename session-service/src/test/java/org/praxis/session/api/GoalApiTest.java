package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

@QuarkusTest
class GoalApiTest {
    private final TestTenant t = new TestTenant();

    private String engagement() {
        return as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void goalsCarryTheirTypologyAndTheClientRatesProgress() {
        String id = engagement();
        String goal = as(t.coach)
                .body(Map.of(
                        "title",
                        "Speak up in leadership meetings",
                        "horizon",
                        "proximal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true,
                        "milestones",
                        List.of(Map.of("title", "One point per meeting", "dueDate", "2027-01-15"))))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of("title", "x", "horizon", "soon", "orientation", "learning", "direction", "approach"))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(422);

        as(t.client)
                .body(Map.of("rating", 3, "ratedOn", "2026-11-01"))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(201);
        as(t.client)
                .body(Map.of("rating", 6, "ratedOn", "2026-11-20"))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(201);
        as(t.client)
                .body(Map.of("rating", 5, "ratedOn", "2099-01-01"))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("ratedOn"));
        as(t.client)
                .body(Map.of("rating", 11))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("rating", 9))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(403);

        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(200)
                .body("items[0].horizon", is("proximal"))
                .body("items[0].selfConcordant", is(true))
                .body("items[0].milestones[0].title", is("One point per meeting"))
                .body("items[0].progress.rating", is(List.of(3, 6)));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from goal where title like '%leadership%'"));
    }

    @Test
    void aClosedEngagementTakesNoNewGoalsActionsOrRatings() {
        String id = engagement();
        String base = "/v1/engagements/" + id;
        Map<String, Object> newGoal = Map.of(
                "title", "Delegate more", "horizon", "distal", "orientation", "performance", "direction", "approach");
        String goal = as(t.client)
                .body(newGoal)
                .when()
                .post(base + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String etag = as(t.coach).when().get(base).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post(base + "/status")
                .then()
                .statusCode(200);

        as(t.client).body(newGoal).when().post(base + "/goals").then().statusCode(409);
        as(t.coach)
                .body(Map.of("title", "One more thing", "dueDate", "2027-01-10"))
                .when()
                .post(base + "/actions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(t.client)
                .body(Map.of("rating", 7))
                .when()
                .post(base + "/goals/" + goal + "/progress")
                .then()
                .statusCode(409);
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        assertEquals(1, db.count("select count(*) from goal where engagement_id = ?::uuid", id));
        assertEquals(0, db.count("select count(*) from action_item where engagement_id = ?::uuid", id));
        assertEquals(0, db.count("select count(*) from goal_progress where goal_id = ?::uuid", goal));
    }

    @Test
    void actionItemsAreOnTheClientsMobileListUntilDone() {
        String id = engagement();
        String action = as(t.coach)
                .body(Map.of("title", "Note three moments of calm", "dueDate", "2026-12-01"))
                .when()
                .post("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client).when().get("/v1/me/actions").then().statusCode(200).body("items.id", hasItem(action));
        as(t.client).when().get("/v1/me/engagements").then().statusCode(200).body("items.id", hasItem(id));
        as(t.client)
                .body(Map.of("done", true))
                .when()
                .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                .then()
                .statusCode(200)
                .body("done", is(true));
        as(t.client).when().get("/v1/me/actions").then().body("items.id", not(hasItem(action)));

        Tokens otherClient = t.user("client");
        as(otherClient).when().get("/v1/me/actions").then().body("items.id", not(hasItem(action)));
        as(otherClient)
                .body(Map.of("done", false))
                .when()
                .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                .then()
                .statusCode(404);
        as(TestTenant.another().coach)
                .when()
                .get("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(404);
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(403);
        as(t.coach).when().get("/v1/me/actions").then().statusCode(403);
    }

    @Test
    void ratingsAndActionChangesAreAudited() {
        String id = engagement();
        String goal = as(t.client)
                .body(Map.of(
                        "title",
                        "Sleep before midnight",
                        "horizon",
                        "proximal",
                        "orientation",
                        "performance",
                        "direction",
                        "approach"))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client)
                .body(Map.of("rating", 4))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of("rating", 9))
                .when()
                .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                .then()
                .statusCode(403);
        assertEquals(
                List.of("create by " + t.client.subject(), "rate-progress by " + t.client.subject()),
                audited("goal", goal));

        String action = as(t.coach)
                .body(Map.of("title", "Walk at lunch"))
                .when()
                .post("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client)
                .body(Map.of("done", true))
                .when()
                .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("done", false))
                .when()
                .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                .then()
                .statusCode(200);
        as(t.user("client"))
                .body(Map.of("done", true))
                .when()
                .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                .then()
                .statusCode(404);
        assertEquals(
                List.of(
                        "create by " + t.coach.subject(),
                        "mark-done by " + t.client.subject(),
                        "mark-not-done by " + t.coach.subject()),
                audited("action-item", action));
    }

    /** The audit events of one resource, oldest first, as "action by actor". */
    private List<String> audited(String type, String id) {
        List<String> events = new java.util.ArrayList<>();
        try (var c = EmbeddedPostgres.shared().connect();
                var s = c.prepareStatement("select action, actor from audit_event"
                        + " where tenant_id = ? and resource_type = ? and resource_id = ? order by occurred_at, id")) {
            s.setString(1, t.id);
            s.setString(2, type);
            s.setString(3, id);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + " by " + rows.getString(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }
}
