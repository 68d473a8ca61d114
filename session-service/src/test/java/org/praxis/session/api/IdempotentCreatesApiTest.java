package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Every create takes an {@code Idempotency-Key}: a retry with the same key and body answers as the first
 * request did and creates nothing more; the same key with another body is refused.
 */
@QuarkusTest
class IdempotentCreatesApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();

    /**
     * Posts {@code body} twice and {@code other} once under one key; returns the first answer after checking
     * that the retry got the same one and that {@code rows} (one parameter, the row's parent) counts one row.
     */
    private Map<String, Object> createdOnce(
            Tokens who, String path, Map<String, Object> body, Map<String, Object> other, String rows, String parent) {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> first = as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .extract()
                .as(Map.class);
        Map<String, Object> again = as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", notNullValue())
                .extract()
                .as(Map.class);
        assertEquals(first, again);
        as(who).header("Idempotency-Key", key)
                .body(other)
                .when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(1, EmbeddedPostgres.shared().count(rows, parent));
        return first;
    }

    private String draftEngagement() {
        return as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> contract(String purpose, Tokens client, Tokens coach) {
        return Map.of(
                "purpose",
                purpose,
                "parties",
                List.of(
                        Map.of("role", "client", "subject", client.subject(), "required", true),
                        Map.of("role", "coach", "subject", coach.subject(), "required", true)));
    }

    private String activeEngagement() {
        String id = draftEngagement();
        as(t.coach)
                .body(contract("Clarity", t.client, t.coach))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (Tokens party : List.of(t.client, t.coach)) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    @Test
    void anEngagementOpensOnce() {
        String key = "open-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("clientSubject", t.client.subject(), "pathway", "coaching");
        String first = as(t.coach)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = as(t.coach)
                .header("Idempotency-Key", key)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, again);
        as(t.coach)
                .header("Idempotency-Key", key)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "integrated"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        assertEquals(1, EmbeddedPostgres.shared().count("select count(*) from engagement where tenant_id = ?", t.id));
    }

    @Test
    void aContractVersionIsProposedOnce() {
        String id = draftEngagement();
        createdOnce(
                t.coach,
                "/v1/engagements/" + id + "/contracts",
                contract("Clarity", t.client, t.coach),
                contract("Other", t.client, t.coach),
                "select count(*) from contract where engagement_id = ?::uuid",
                id);
    }

    @Test
    void aSessionIsScheduledOnce() {
        String id = activeEngagement();
        String at = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        createdOnce(
                t.coach,
                "/v1/engagements/" + id + "/sessions",
                Map.of("scheduledAt", at, "durationMinutes", 50, "mode", "video"),
                Map.of("scheduledAt", at, "durationMinutes", 60, "mode", "video"),
                "select count(*) from coaching_session where engagement_id = ?::uuid",
                id);
    }

    @Test
    void aGoalItsRatingAndAnActionAreRecordedOnce() {
        String id = activeEngagement();
        Map<String, Object> goal = Map.of(
                "title", "Delegate more", "horizon", "proximal", "orientation", "learning", "direction", "approach");
        Map<String, Object> otherGoal = Map.of(
                "title", "Delegate less", "horizon", "proximal", "orientation", "learning", "direction", "approach");
        String goalId = (String) createdOnce(
                        t.client,
                        "/v1/engagements/" + id + "/goals",
                        goal,
                        otherGoal,
                        "select count(*) from goal where engagement_id = ?::uuid",
                        id)
                .get("id");
        createdOnce(
                t.client,
                "/v1/engagements/" + id + "/goals/" + goalId + "/progress",
                Map.of("rating", 6),
                Map.of("rating", 7),
                "select count(*) from goal_progress where goal_id = ?::uuid",
                goalId);
        createdOnce(
                t.coach,
                "/v1/engagements/" + id + "/actions",
                Map.of("title", "Hand over the weekly report", "goalId", goalId),
                Map.of("title", "Hand over the monthly report", "goalId", goalId),
                "select count(*) from action_item where engagement_id = ?::uuid",
                id);
    }

    @Test
    void aNoteAndItsAddendumAreWrittenOnce() {
        String id = activeEngagement();
        String noteId = (String) createdOnce(
                        t.coach,
                        "/v1/engagements/" + id + "/notes",
                        Map.of("kind", "private", "body", "first thoughts"),
                        Map.of("kind", "private", "body", "second thoughts"),
                        "select count(*) from session_note where engagement_id = ?::uuid",
                        id)
                .get("id");
        String note = "/v1/engagements/" + id + "/notes/" + noteId;
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(note + "/signature")
                .then()
                .statusCode(200);
        createdOnce(
                t.coach,
                note + "/addenda",
                Map.of("body", "one more thing"),
                Map.of("body", "another thing"),
                "select count(*) from note_addendum where note_id = ?::uuid",
                noteId);
    }

    @Test
    void aRiskConcernIsRecordedAndPublishedOnce() {
        String id = activeEngagement();
        createdOnce(
                t.coach,
                "/v1/engagements/" + id + "/risk-concerns",
                Map.of("level", "elevated"),
                Map.of("level", "serious"),
                "select count(*) from risk_concern where engagement_id = ?::uuid",
                id);
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from outbox_event where aggregate_id = ? and event_type like '%risk.noted%'",
                                id));
    }

    @Test
    void aReviewIsRecordedOnce() {
        String id = activeEngagement();
        createdOnce(
                t.coach,
                "/v1/engagements/" + id + "/reviews",
                Map.of("kind", "periodic", "sharedSummary", "steady progress"),
                Map.of("kind", "periodic", "sharedSummary", "slow progress"),
                "select count(*) from review where engagement_id = ?::uuid",
                id);
    }
}
