package org.praxis.session.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.MonitoredEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Issue 22: after a held session the engagement's client answers a short feedback form once; the practitioner
 * and their supervisor see monthly trends (no means or comments below three answers); every five new answers
 * of a practitioner are published once as an aggregate naming no client, engagement or session.
 */
@QuarkusTest
class FeedbackApiTest {
    private static final String AGGREGATED = "org.praxis.session.practitioner.feedback-aggregated.v1";

    private final TestTenant t = new TestTenant();

    private String activeEngagement() {
        return activeEngagement(t.client);
    }

    private String activeEngagement(Tokens client) {
        String id = as(t.coach)
                .body(Map.of("clientSubject", client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MonitoredEngagements.activate(t, client, id);
        return id;
    }

    private static Map<String, Object> answer(int heard, int mattered, int approach, int overall, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "feltHeard", heard, "workedOnWhatMattered", mattered, "approachFitted", approach, "overall", overall));
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private static String form(String engagement, String session) {
        return "/v1/engagements/" + engagement + "/sessions/" + session + "/feedback";
    }

    private void give(String engagement, String session, Map<String, Object> answer) {
        give(t.client, engagement, session, answer);
    }

    private static void give(Tokens client, String engagement, String session, Map<String, Object> answer) {
        as(client).body(answer).when().post(form(engagement, session)).then().statusCode(201);
    }

    /** {@code client}'s answer after a session of their engagement held just now. */
    private void giveOnce(Tokens client, String engagement, Map<String, Object> answer) {
        give(client, engagement, MonitoredEngagements.held(t, engagement), answer);
    }

    private long published() {
        return EmbeddedPostgres.shared()
                .count(
                        "select count(*) from outbox_event where tenant_id = ? and event_type = ? and aggregate_id = ?",
                        t.id,
                        AGGREGATED,
                        t.coach.subject());
    }

    private String payload() {
        try (Connection c = EmbeddedPostgres.shared().connect();
                PreparedStatement q = c.prepareStatement(
                        "select payload::text from outbox_event where tenant_id = ? and event_type = ?")) {
            q.setString(1, t.id);
            q.setString(2, AGGREGATED);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theClientAnswersOnceAfterAHeldSessionOfTheirOwnEngagement() {
        String id = activeEngagement();
        String scheduled = as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().plus(2, ChronoUnit.DAYS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String held = MonitoredEngagements.held(t, id);
        as(t.client).when().get("/v1/me/feedback-forms").then().statusCode(200).body("items.id", contains(held));
        as(TestTenant.another().client)
                .when()
                .get("/v1/me/feedback-forms")
                .then()
                .statusCode(200)
                .body("items", empty());

        // Bad input is refused and writes nothing.
        as(t.client)
                .body(answer(11, 5, 5, 5, null))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.client)
                .body(answer(5, 5, 5, 5, "x".repeat(501)))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(422);
        as(t.client)
                .body(Map.of("feltHeard", 5))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(422);
        // Only the engagement's client, only on a held session.
        for (Tokens other : List.of(t.coach, t.supervisor, t.sponsor, t.admin)) {
            as(other)
                    .body(answer(5, 5, 5, 5, null))
                    .when()
                    .post(form(id, held))
                    .then()
                    .statusCode(403);
        }
        as(t.otherClient)
                .body(answer(5, 5, 5, 5, null))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(404);
        as(TestTenant.another().client)
                .body(answer(5, 5, 5, 5, null))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(404);
        as(t.client)
                .body(answer(5, 5, 5, 5, null))
                .when()
                .post(form(id, scheduled))
                .then()
                .statusCode(409);
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from session_feedback where tenant_id = ?", t.id));

        as(t.client)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(answer(9, 8, 7, 8, "Felt listened to"))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(201)
                .body("sessionId", is(held))
                .body("feltHeard", is(9))
                .body("comment", is("Felt listened to"));
        as(t.client)
                .body(answer(1, 1, 1, 1, null))
                .when()
                .post(form(id, held))
                .then()
                .statusCode(409);

        // The client reads their own answer back; nobody else reads it as a row.
        as(t.client)
                .when()
                .get(form(id, held))
                .then()
                .statusCode(200)
                .body("overall", is(8))
                .body("comment", is("Felt listened to"));
        as(t.client).when().get(form(id, scheduled)).then().statusCode(404);
        for (Tokens other : List.of(t.coach, t.supervisor, t.sponsor, t.admin)) {
            as(other).when().get(form(id, held)).then().statusCode(403);
        }
        as(t.otherClient).when().get(form(id, held)).then().statusCode(404);
        as(TestTenant.another().client).when().get(form(id, held)).then().statusCode(404);
        as(t.client).when().get("/v1/me/feedback-forms").then().statusCode(200).body("items", empty());
        as(t.otherClient)
                .when()
                .get("/v1/me/feedback-forms")
                .then()
                .statusCode(200)
                .body("items", empty());
        as(t.coach).when().get("/v1/me/feedback-forms").then().statusCode(403);

        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from session_feedback where comment like '%listened%'"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ? and action = 'give-feedback'",
                                held));
        assertEquals(0, published(), "one answer is never published");
    }

    @Test
    void thePractitionerAndTheirSupervisorSeeMonthlyTrendsOfThreeClientsAndEveryFiveAnswersArePublishedOnce() {
        String id = activeEngagement();
        List<String> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessions.add(MonitoredEngagements.held(t, id));
        }
        String trends = "/v1/feedback-trends?practitionerId=" + t.coach.subject();
        give(id, sessions.get(0), answer(8, 5, 0, 7, "Zeal"));
        give(id, sessions.get(1), answer(6, 5, 10, 7, null));
        as(t.coach)
                .when()
                .get(trends)
                .then()
                .statusCode(200)
                .body("minimumAnswers", is(3))
                .body("minimumClients", is(3))
                .body("months[0].answers", is(2))
                .body("months[0].means", nullValue())
                .body("months[0].comments", empty())
                .body("months[0].notShownBecause", not(nullValue()));
        give(id, sessions.get(2), answer(9, 5, 0, 7, "Attentive"));
        // Enough answers, but the month goes on: its means and comments wait for its end, or the next answer
        // would be read off the change.
        as(t.coach)
                .when()
                .get(trends)
                .then()
                .statusCode(200)
                .body("months[0].answers", is(3))
                .body("months[0].means", nullValue())
                .body("months[0].comments", empty())
                .body("months[0].notShownBecause", containsString("not ended"));
        // The three as if given last month: an ended month, but all three are one client's, whose answers a mean
        // would be.
        givenLastMonth(id);
        as(t.coach)
                .when()
                .get(trends)
                .then()
                .statusCode(200)
                .body("months[0].answers", is(3))
                .body("months[0].means", nullValue())
                .body("months[0].comments", empty())
                .body("months[0].notShownBecause", containsString("clients"));

        // Two more clients answer: three clients, five answers, the month shows them.
        Tokens second = t.user("client");
        Tokens third = t.user("client");
        String secondId = activeEngagement(second);
        String thirdId = activeEngagement(third);
        giveOnce(second, secondId, answer(7, 5, 10, 7, null));
        giveOnce(third, thirdId, answer(10, 6, 5, 8, null));
        assertEquals(0, published(), "five answers, but three of one client: the third of them waits");
        givenLastMonth(secondId);
        givenLastMonth(thirdId);
        String shown = as(t.coach)
                .when()
                .get(trends)
                .then()
                .statusCode(200)
                .body("months[0].answers", is(5))
                .body(
                        "months[0].month",
                        is(java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                                .minusMonths(1)
                                .toString()))
                .body("months[0].means.feltHeard", is(8.0f))
                .body("months[0].comments", contains("Attentive", "Zeal"))
                .extract()
                .asString();
        for (String s : sessions) {
            assertEquals(false, shown.contains(s), "a trend names no session");
        }

        Tokens fourth = t.user("client");
        giveOnce(fourth, activeEngagement(fourth), answer(1, 1, 1, 1, null));
        assertEquals(1, published(), "two answers of the first client, one each of three others: published once");
        String payload = payload();
        assertEquals(List.of(), EventContracts.violations(AGGREGATED, payload));
        JsonPath event = JsonPath.from(payload);
        assertEquals(t.coach.subject(), event.getString("practitionerId"));
        assertEquals(5, event.getInt("responses"));
        UUID.fromString(event.getString("batchId"));
        assertEquals(6.4f, event.getFloat("means.feltHeard"));
        assertEquals(4.4f, event.getFloat("means.workedOnWhatMattered"));
        assertEquals(5.2f, event.getFloat("means.approachFitted"));
        assertEquals(6.0f, event.getFloat("means.overall"));
        for (String s : sessions) {
            assertEquals(false, payload.contains(s), "no session id");
        }
        for (String named : List.of(id, secondId, thirdId, t.client.subject(), second.subject(), third.subject())) {
            assertEquals(false, payload.contains(named), "no engagement or client");
        }
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from session_feedback where engagement_id = ?::uuid"
                                        + " and batch_published_at is null",
                                id),
                "the first client's third answer waits for a later batch");

        // Who reads the trends: the practitioner, a supervisor of theirs; nobody else (404 or 403).
        as(t.supervisor).when().get(trends).then().statusCode(404);
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor).when().get(trends).then().statusCode(200).body("months.answers", contains(1, 5));
        as(t.otherSupervisor).when().get(trends).then().statusCode(404);
        as(t.otherCoach).when().get(trends).then().statusCode(404);
        for (Tokens other : List.of(t.client, t.sponsor, t.admin)) {
            as(other).when().get(trends).then().statusCode(403);
        }
        TestTenant another = TestTenant.another();
        as(another.coach).when().get(trends).then().statusCode(404);
        as(another.supervisor).when().get(trends).then().statusCode(404);
        as(another.coach)
                .when()
                .get("/v1/feedback-trends?practitionerId=" + another.coach.subject())
                .then()
                .statusCode(200)
                .body("months", empty());
        as(t.coach)
                .when()
                .get("/v1/feedback-trends")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("practitionerId"));
    }

    @Test
    void erasingTheClientRemovesTheirAnswersAndLeavesThePublishedAggregate() {
        String id = activeEngagement();
        Tokens second = t.user("client");
        Tokens third = t.user("client");
        String secondId = activeEngagement(second);
        String thirdId = activeEngagement(third);
        for (int i = 0; i < 2; i++) {
            giveOnce(t.client, id, answer(7, 7, 7, 7, "Session " + i));
            giveOnce(second, secondId, answer(7, 7, 7, 7, "Other " + i));
        }
        giveOnce(third, thirdId, answer(7, 7, 7, 7, "Third"));
        assertEquals(1, published());
        // As if given last month: an ended month, its means and comments shown.
        for (String engagement : List.of(id, secondId, thirdId)) {
            givenLastMonth(engagement);
        }
        String trends = "/v1/feedback-trends?practitionerId=" + t.coach.subject();
        as(t.coach)
                .when()
                .get(trends)
                .then()
                .statusCode(200)
                .body("months[0].answers", is(5))
                .body("months[0].means.overall", is(7.0f))
                .body("months[0].comments", hasSize(5));
        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events")
                        .size());
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        assertEquals(0, db.count("select count(*) from session_feedback where engagement_id = ?::uuid", id));
        assertEquals(
                2,
                db.count(
                        "select count(*) from session_feedback where practitioner_id = ? and session_id is null"
                                + " and engagement_id is null and comment is null"
                                + " and answered_at = date_trunc('month', answered_at at time zone 'UTC') at time zone 'UTC'",
                        t.coach.subject()),
                "the answers keep their numbers and month, and nothing that leads to the client");
        // It names no client, engagement or session: nothing in it is the erased person's.
        assertEquals(1, published());
        // The month reads as before, but for the client's own words: erasing them tells nothing of their answers.
        as(t.coach)
                .when()
                .get(trends)
                .then()
                .statusCode(200)
                .body("months[0].answers", is(5))
                .body("months[0].means.overall", is(7.0f))
                .body("months[0].comments", contains("Other 0", "Other 1", "Third"));
    }

    /** The engagement's answers as if given a month earlier: in a month that has ended. */
    private static void givenLastMonth(String engagement) {
        EmbeddedPostgres.shared()
                .execute("update session_feedback set answered_at = answered_at - interval '1 month'"
                        + " where engagement_id = '" + engagement + "'");
    }
}
