package org.praxis.session.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Bounds;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;

/**
 * Issue 17: every string, list and number a request carries has a bound; past it the request is a 422
 * problem naming the field (without echoing the value) and nothing is written. What an engagement
 * accumulates without a request bound (sessions, addenda) stops at the size its answers declare.
 */
@QuarkusTest
class BoundedInputsApiTest {
    private final TestTenant t = new TestTenant();
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();

    /** A recognisable over-long value: the answer must not carry it back. */
    private static String tooLong(int max) {
        return "Q".repeat(max) + "Z";
    }

    private String active() {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Clarity",
                        "reviewEveryWeeks",
                        4,
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        return id;
    }

    private static void refused(RequestSpecification request, String path, String field, String value) {
        request.when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body(not(containsString(value.substring(0, 50))));
    }

    private long rows(String table, String engagement) {
        return DB.count("select count(*) from " + table + " where engagement_id = ?::uuid", engagement);
    }

    @Test
    void aListIsFilteredByAStatusThereIsOnly() {
        as(t.coach)
                .when()
                .get("/v1/engagements?status=bogus")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.coach).when().get("/v1/engagements?status=follow-up").then().statusCode(200);
    }

    @Test
    void overLongStringsAreRefusedAndNothingIsWritten() {
        String id = active();
        String base = "/v1/engagements/" + id;

        String subject = tooLong(Bounds.SUBJECT);
        refused(
                as(t.coach).body(Map.of("clientSubject", subject, "pathway", "coaching")),
                "/v1/engagements",
                "clientSubject",
                subject);
        assertEquals(1, DB.count("select count(*) from engagement where tenant_id = ?", t.id));

        String title = tooLong(Bounds.NAME);
        refused(
                as(t.client)
                        .body(Map.of(
                                "title",
                                title,
                                "horizon",
                                "proximal",
                                "orientation",
                                "learning",
                                "direction",
                                "approach")),
                base + "/goals",
                "title",
                title);
        refused(as(t.coach).body(Map.of("title", title)), base + "/actions", "title", title);
        String body = tooLong(Bounds.TEXT);
        refused(as(t.coach).body(Map.of("kind", "private", "body", body)), base + "/notes", "body", body);
        refused(
                as(t.coach).body(Map.of("kind", "periodic", "sharedSummary", body)),
                base + "/reviews",
                "sharedSummary",
                body);
        refused(
                as(t.coach)
                        .body(Map.of(
                                "purpose",
                                body,
                                "parties",
                                List.of(Map.of("role", "client", "subject", t.client.subject(), "required", true)))),
                base + "/contracts",
                "purpose",
                body);
        String code = tooLong(Bounds.CODE);
        refused(
                as(t.coach)
                        .body(Map.of(
                                "scheduledAt",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                "durationMinutes",
                                50,
                                "mode",
                                code)),
                base + "/sessions",
                "mode",
                code);
        assertEquals(
                0,
                rows("goal", id)
                        + rows("action_item", id)
                        + rows("session_note", id)
                        + rows("review", id)
                        + rows("coaching_session", id));
        assertEquals(1, rows("contract", id));
        assertEquals(
                0,
                DB.count(
                        "select count(*) from audit_event where tenant_id = ? and resource_type in"
                                + " ('goal', 'action-item', 'private-note', 'session')",
                        t.id));

        // Query parameters too: a supervisor's reason for reading a note, an engagement status.
        String note = as(t.coach)
                .body(Map.of("kind", "private", "body", "Kept short"))
                .when()
                .post(base + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String reason = tooLong(Bounds.REASON);
        as(t.coach)
                .body(Map.of("reason", reason))
                .when()
                .post(base + "/notes/" + note + "/reads")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"))
                .body(not(containsString(reason.substring(0, 50))));
        assertEquals(0, DB.count("select count(*) from audit_event where resource_id = ? and action = 'read'", note));
        as(t.coach)
                .queryParam("status", code)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("status"));
        as(t.coach).when().get(base + "/contracts/0").then().statusCode(422);
    }

    @Test
    void oversizedListsAreRefusedAndNothingIsWritten() {
        String id = active();
        String base = "/v1/engagements/" + id;
        List<Map<String, Object>> milestones = Collections.nCopies(21, Map.of("title", "Step"));
        as(t.client)
                .body(Map.of(
                        "title",
                        "Goal",
                        "horizon",
                        "proximal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "milestones",
                        milestones))
                .when()
                .post(base + "/goals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("milestones"));
        assertEquals(0, rows("goal", id));
        assertEquals(0, DB.count("select count(*) from goal_milestone where tenant_id = ?", t.id));

        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            parties.add(Map.of("role", "other", "subject", "person-" + i, "required", false));
        }
        as(t.coach)
                .body(Map.of("purpose", "Clarity", "parties", parties))
                .when()
                .post(base + "/contracts")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("parties"));
        assertEquals(1, rows("contract", id));

        List<String> goalsMet = new ArrayList<>();
        for (int i = 0; i <= Bounds.LIST; i++) {
            goalsMet.add(UUID.randomUUID().toString());
        }
        as(t.coach)
                .body(Map.of("kind", "end", "goalsMet", goalsMet))
                .when()
                .post(base + "/reviews")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("goalsMet"));
        assertEquals(0, rows("review", id));
        as(t.client).when().get(base).then().body("status", is("active"));

        Map<String, Object> review = new HashMap<>(Map.of("kind", "periodic", "boosterSessionsOffered", 21));
        as(t.coach)
                .body(review)
                .when()
                .post(base + "/reviews")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("boosterSessionsOffered"));
        assertEquals(0, rows("review", id));
    }

    @Test
    void anEngagementHoldsAtMostAsManySessionsAsItsAnswersDeclare() {
        String id = active();
        // 499 sessions written directly; the API schedules the 500th and refuses the 501st.
        DB.execute(
                "insert into coaching_session (id, tenant_id, engagement_id, scheduled_at, duration_minutes, mode, status,"
                        + " created_at, version) select gen_random_uuid(), '" + t.id + "', '" + id
                        + "', now() + n * interval '1 day', 50,"
                        + " 'video', 'scheduled', now(), 0 from generate_series(1, 499) n");
        Map<String, Object> session = Map.of(
                "scheduledAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "durationMinutes",
                50,
                "mode",
                "video");
        as(t.coach)
                .body(session)
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(session)
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(409);
        assertEquals(500, rows("coaching_session", id));
    }

    @Test
    void aSignedNoteTakesAtMostAHundredAddenda() {
        String id = active();
        String note = as(t.coach)
                .body(Map.of("kind", "private", "body", "Session one"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String path = "/v1/engagements/" + id + "/notes/" + note;
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/signature")
                .then()
                .statusCode(200);
        for (int i = 1; i <= 100; i++) {
            as(t.coach)
                    .body(Map.of("body", "Correction " + i))
                    .when()
                    .post(path + "/addenda")
                    .then()
                    .statusCode(201)
                    .body("seq", is(i));
        }
        as(t.coach)
                .body(Map.of("body", "One too many"))
                .when()
                .post(path + "/addenda")
                .then()
                .statusCode(409);
        as(t.coach).when().get(path).then().statusCode(200).body("addenda.size()", is(100));
    }
}
