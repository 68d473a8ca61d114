package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Issue 21: at the end review the client judges each goal (met, partly, not met) and says what changed
 * for them; it sits beside the practitioner's view, both shown to the client and the practitioner.
 */
@QuarkusTest
class ClientJudgementApiTest {
    private final TestTenant t = new TestTenant();

    private String activeEngagement() {
        return ActiveEngagements.open(t);
    }

    private String goal(String engagement, String title) {
        return as(t.client)
                .body(Map.of(
                        "title",
                        title,
                        "horizon",
                        "proximal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true))
                .when()
                .post("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String review(String engagement, Map<String, Object> body) {
        return as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements/" + engagement + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> judgement(String whatChanged, Object... goalAndJudgement) {
        List<Map<String, Object>> goals = new java.util.ArrayList<>();
        for (int i = 0; i < goalAndJudgement.length; i += 2) {
            goals.add(Map.of("goalId", goalAndJudgement[i], "judgement", goalAndJudgement[i + 1]));
        }
        return Map.of("whatChanged", whatChanged, "goals", goals);
    }

    @Test
    void theClientsJudgementSitsBesideThePractitionersAtTheEndReview() throws Exception {
        String id = activeEngagement();
        String sleep = goal(id, "Sleep before midnight");
        String speak = goal(id, "Speak up in meetings");
        String periodic = review(id, Map.of("kind", "periodic"));
        String path = "/v1/engagements/" + id + "/reviews/";
        as(t.client)
                .body(judgement("Too early", sleep, "partly"))
                .when()
                .post(path + periodic + "/client-judgement")
                .then()
                .statusCode(409);
        String end =
                review(id, Map.of("kind", "end", "whatChanged", "Calmer evenings", "goalsMet", List.of(sleep, speak)));
        String judge = path + end + "/client-judgement";

        // Bad input is refused and writes nothing.
        as(t.client)
                .body(judgement("x", UUID.randomUUID().toString(), "met"))
                .when()
                .post(judge)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.client)
                .body(judgement("x", sleep, "met", sleep, "partly"))
                .when()
                .post(judge)
                .then()
                .statusCode(422);
        as(t.client)
                .body(judgement("x", sleep, "great"))
                .when()
                .post(judge)
                .then()
                .statusCode(422);
        // Only the engagement's client judges.
        as(t.coach).body(judgement("x", sleep, "met")).when().post(judge).then().statusCode(403);
        as(t.user("client"))
                .body(judgement("x", sleep, "met"))
                .when()
                .post(judge)
                .then()
                .statusCode(404);
        as(TestTenant.another().client)
                .body(judgement("x", sleep, "met"))
                .when()
                .post(judge)
                .then()
                .statusCode(404);
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from client_judgement where review_id = ?::uuid", end));

        // A double tap: two answers at once, each with its own key. One is taken, the other is a 409 (never a 500).
        java.util.concurrent.ExecutorService taps = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int tap = 0; tap < 2; tap++) {
                answers.add(taps.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return as(t.client)
                            .header("Idempotency-Key", "k-" + UUID.randomUUID())
                            .body(judgement(
                                    "I sleep again, and speaking up is still hard", sleep, "met", speak, "partly"))
                            .when()
                            .post(judge);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            taps.shutdown();
        }
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count("select count(*) from client_judgement where review_id = ?::uuid", end));
        as(t.client)
                .body(judgement("Again", sleep, "not-met"))
                .when()
                .post(judge)
                .then()
                .statusCode(409);

        // The client sees their own judgement beside the practitioner's goals met, not the practitioner's text.
        String endReview = "items.find { it.id == '" + end + "' }";
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body(endReview + ".goalsMet.size()", is(2))
                .body(endReview + ".whatChanged", nullValue())
                .body(
                        endReview + ".clientJudgement.goals.find { it.goalId == '" + speak + "' }.judgement",
                        is("partly"))
                .body("items.find { it.id == '" + periodic + "' }.clientJudgement", nullValue());
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .body(endReview + ".whatChanged", is("Calmer evenings"))
                .body(endReview + ".clientJudgement.whatChanged", is("I sleep again, and speaking up is still hard"));
        Tokens supervisor = t.user("supervisor");
        as(supervisor).when().get("/v1/engagements/" + id + "/reviews").then().statusCode(404);
        SupervisionEvents.assign(t.id, t.coach.subject(), supervisor.subject());
        as(supervisor)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body(endReview + ".clientJudgement.goals.size()", is(2));
        as(t.sponsor).when().get("/v1/engagements/" + id + "/reviews").then().statusCode(403);

        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from client_judgement where what_changed like '%sleep again%'"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ? and action = 'judge-goals'",
                                end));
    }

    @Test
    void erasingTheClientOverwritesTheirWordsAndTheSummariesAboutThem() {
        String id = activeEngagement();
        String sleep = goal(id, "Sleep before midnight");
        String summary = as(t.coach)
                .body(Map.of("body", "Sleeps better"))
                .when()
                .post("/v1/engagements/" + id + "/progress-summaries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String end = review(id, Map.of("kind", "end", "goalsMet", List.of(sleep)));
        as(t.client)
                .body(judgement("I sleep again", sleep, "met"))
                .when()
                .post("/v1/engagements/" + id + "/reviews/" + end + "/client-judgement")
                .then()
                .statusCode(201);

        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events")
                        .size());
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/progress-summaries/" + summary)
                .then()
                .statusCode(200)
                .body("body", is("erased"));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .body("items[0].clientJudgement.whatChanged", nullValue())
                .body("items[0].clientJudgement.goals[0].judgement", is("met"));
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from client_judgement where engagement_id = ?::uuid and judged_by = ?",
                                id,
                                t.client.subject()));
    }
}
