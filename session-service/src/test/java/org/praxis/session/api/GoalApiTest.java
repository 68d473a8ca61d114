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
import org.praxis.session.ActiveEngagements;
import org.praxis.session.EngagementRows;
import org.praxis.session.MonitoredEngagements;
import org.praxis.session.domain.EngagementLimits;
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

    private static long count(String table, String column, String id) {
        return EmbeddedPostgres.shared().count("select count(*) from " + table + " where " + column + " = ?::uuid", id);
    }

    /** Each of these is listed, exported and erased with the engagement: one engagement holds a bounded number. */
    @Test
    void anEngagementHoldsBoundedGoalsRatingsActionsAndContractVersions() {
        String id = engagement();
        Map<String, Object> newGoal = Map.of(
                "title", "Calmer mornings", "horizon", "proximal", "orientation", "learning", "direction", "approach");
        String goal = as(t.coach)
                .body(newGoal)
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EngagementRows.copies("goal", "id", goal, EngagementLimits.GOALS - 1, "");
        as(t.client)
                .body(newGoal)
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(409);
        assertEquals(EngagementLimits.GOALS, count("goal", "engagement_id", id));

        String progress = "/v1/engagements/" + id + "/goals/" + goal + "/progress";
        as(t.client).body(Map.of("rating", 4)).when().post(progress).then().statusCode(201);
        EngagementRows.copies("goal_progress", "goal_id", goal, EngagementLimits.RATINGS_PER_GOAL - 1, "");
        as(t.client).body(Map.of("rating", 5)).when().post(progress).then().statusCode(409);
        assertEquals(EngagementLimits.RATINGS_PER_GOAL, count("goal_progress", "goal_id", goal));

        Map<String, Object> newAction = Map.of("title", "Walk before work", "dueDate", "2027-01-10");
        String action = as(t.client)
                .body(newAction)
                .when()
                .post("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EngagementRows.copies("action_item", "id", action, EngagementLimits.ACTIONS - 1, "");
        as(t.coach)
                .body(newAction)
                .when()
                .post("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(409);
        assertEquals(EngagementLimits.ACTIONS, count("action_item", "engagement_id", id));

        Map<String, Object> terms = MonitoredEngagements.terms(t, t.client, "Steadier weeks");
        String contracts = "/v1/engagements/" + id + "/contracts";
        as(t.coach).body(terms).when().post(contracts).then().statusCode(201);
        EngagementRows.copies(
                "contract", "engagement_id", id, EngagementLimits.CONTRACT_VERSIONS - 1, ", 'number', x.number + i");
        as(t.coach).body(terms).when().post(contracts).then().statusCode(409);
        assertEquals(EngagementLimits.CONTRACT_VERSIONS, count("contract", "engagement_id", id));
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
        // A body without "done" (empty, a misspelt name) is refused, and the action stays done.
        for (Map<String, Object> without : List.of(Map.<String, Object>of(), Map.<String, Object>of("isDone", true))) {
            as(t.client)
                    .body(without)
                    .when()
                    .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("done")));
        }
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/actions")
                .then()
                .body("items.find { it.id == '" + action + "' }.done", is(true));

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

    /** A closed engagement's actions leave the client's list and are ticked off no more: the record is closed. */
    @Test
    void aClosedEngagementsActionsLeaveTheClientsListAndStayAsTheyWere() {
        String id = ActiveEngagements.open(t);
        String action = as(t.coach)
                .body(Map.of("title", "Walk at lunch", "dueDate", "2026-12-01"))
                .when()
                .post("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client).when().get("/v1/me/actions").then().body("items.id", hasItem(action));
        ActiveEngagements.close(t.coach, id);

        as(t.client).when().get("/v1/me/actions").then().statusCode(200).body("items.id", not(hasItem(action)));
        for (Tokens who : List.of(t.client, t.coach)) {
            as(who).body(Map.of("done", true))
                    .when()
                    .post("/v1/engagements/" + id + "/actions/" + action + "/done")
                    .then()
                    .statusCode(409);
        }
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + action + "' }.done", is(false));
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
