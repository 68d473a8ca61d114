package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Issue 22: an end review may agree a follow-up (dates, booster sessions within a window); the engagement
 * waits in follow-up, holds only its boosters (outside the prepaid package), and closes once.
 */
@QuarkusTest
class FollowUpApiTest {
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();
    private static final String CLOSED_EVENTS = "select count(*) from outbox_event where aggregate_id = ?"
            + " and event_type = 'org.praxis.session.engagement.closed.v1'";
    private static final String OUTCOME_EVENTS = "select count(*) from outbox_event where aggregate_id = ?"
            + " and event_type = 'org.praxis.session.engagement.outcome.v1'";
    private static final String COMPLETED_EVENTS =
            "select count(*) from outbox_event where payload->>'engagementId' = ?"
                    + " and event_type = 'org.praxis.session.session.completed.v1'";

    private final TestTenant t = new TestTenant();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /** An active engagement whose contract prepays one session. */
    private String activeEngagement() {
        return activeEngagement(false);
    }

    /** {@code sponsored}: acme-hr's sponsor is a party, and the contract discloses session counts. */
    private String activeEngagement(boolean sponsored) {
        Map<String, Object> open = new HashMap<>(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"));
        if (sponsored) {
            open.put("sponsorOrganisation", "acme-hr");
        }
        String id = as(t.coach)
                .body(open)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Tokens> parties = sponsored ? List.of(t.client, t.coach, t.sponsor) : List.of(t.client, t.coach);
        List<String> roles = List.of("client", "coach", "sponsor");
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Clarity",
                        "sessionsPrepaid",
                        1,
                        "disclosure",
                        Map.of("sessionCounts", sponsored),
                        "parties",
                        parties.stream()
                                .map(p -> Map.of(
                                        "role",
                                        roles.get(parties.indexOf(p)),
                                        "subject",
                                        p.subject(),
                                        "required",
                                        true))
                                .toList()))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (Tokens party : parties) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    private int endReview(String id, Map<String, Object> followUp) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "end", "whatChanged", "Steadier mornings"));
        if (followUp != null) {
            body.put("followUp", followUp);
        }
        return as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .extract()
                .statusCode();
    }

    private io.restassured.response.ValidatableResponse schedule(Tokens who, String id, Instant at, Boolean booster) {
        Map<String, Object> body =
                new HashMap<>(Map.of("scheduledAt", at.toString(), "durationMinutes", 50, "mode", "video"));
        if (booster != null) {
            body.put("booster", booster);
        }
        return as(who).body(body)
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then();
    }

    /** The session's start comes (its time moved to the past), and the coach records it held. */
    private int hold(String id, String session) {
        DB.execute("update coaching_session set scheduled_at = least(scheduled_at, now() - interval '1 minute')"
                + " where id = '" + session + "'");
        return as(t.coach)
                .body(Map.of("status", "held", "scaling", 7))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + session + "/outcome")
                .then()
                .extract()
                .statusCode();
    }

    /** The end review agrees one booster within 30 days: the engagement is in follow-up. */
    private void endReviewWithOneBooster(String id) {
        assertEquals(
                201,
                endReview(
                        id,
                        Map.of(
                                "boosterSessions",
                                1,
                                "boostersWithin",
                                today.plusDays(30).toString())));
    }

    private Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void boostersAreHeldInFollowUpUpToTheAgreedCountWithinTheWindowThenItClosesOnce() {
        String id = activeEngagement();
        String ordinary =
                schedule(t.coach, id, inDays(1), null).statusCode(201).extract().path("id");
        assertEquals(200, hold(id, ordinary));
        schedule(t.coach, id, inDays(2), true).statusCode(409);
        LocalDate window = today.plusDays(60);
        assertEquals(201, endReview(id, Map.of("boosterSessions", 2, "boostersWithin", window.toString())));

        for (Tokens reader : List.of(t.coach, t.client)) {
            as(reader)
                    .when()
                    .get("/v1/engagements/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", is("follow-up"))
                    .body("sessionsRemaining", is(0))
                    .body("followUp.boostersAgreed", is(2))
                    .body("followUp.boostersHeld", is(0))
                    .body("followUp.boostersWithin", is(window.toString()))
                    .body("followUp.dates", is(List.of()));
        }
        assertEquals(0, DB.count(CLOSED_EVENTS, id), "not closed while the follow-up runs");
        assertEquals(0, DB.count(OUTCOME_EVENTS, id));
        // Ordinary work is over: no other session, no review, no new goal.
        schedule(t.coach, id, inDays(2), null).statusCode(409);
        as(t.coach)
                .body(Map.of("kind", "periodic"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(409);
        as(t.client)
                .body(Map.of(
                        "title",
                        "Another",
                        "horizon",
                        "proximal",
                        "orientation",
                        "performance",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(409);

        // Who may schedule a booster: the practitioner and their supervisor; not the client, another coach, another
        // tenant.
        schedule(t.client, id, inDays(3), true).statusCode(403);
        schedule(t.otherCoach, id, inDays(3), true).statusCode(404);
        schedule(TestTenant.another().coach, id, inDays(3), true).statusCode(404);
        as(TestTenant.another().client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(404);
        long sessions = DB.count("select count(*) from coaching_session where engagement_id = ?::uuid", id);
        // After the window: refused, nothing scheduled.
        schedule(t.coach, id, inDays(61), true).statusCode(422).contentType("application/problem+json");
        assertEquals(sessions, DB.count("select count(*) from coaching_session where engagement_id = ?::uuid", id));

        String first = schedule(t.coach, id, inDays(7), true)
                .statusCode(201)
                .body("booster", is(true))
                .extract()
                .path("id");
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        String second = schedule(t.supervisor, id, inDays(14), true)
                .statusCode(201)
                .extract()
                .path("id");
        // Beyond the agreed count: refused, nothing scheduled.
        schedule(t.coach, id, inDays(21), true).statusCode(409).contentType("application/problem+json");
        assertEquals(sessions + 2, DB.count("select count(*) from coaching_session where engagement_id = ?::uuid", id));
        as(t.coach)
                .body(Map.of("scheduledAt", inDays(90).toString()))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + first + "/reschedule")
                .then()
                .statusCode(422);

        assertEquals(200, hold(id, first));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("follow-up"))
                .body("followUp.boostersHeld", is(1))
                .body("sessionsRemaining", is(0));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + first + "' }.booster", is(true))
                .body("items.find { it.id == '" + ordinary + "' }.booster", is(false));

        assertEquals(200, hold(id, second));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("closed"))
                .body("followUp.boostersHeld", is(2));
        assertEquals(3, DB.count(COMPLETED_EVENTS, id), "each booster publishes session.completed as usual");
        assertEquals(1, DB.count(CLOSED_EVENTS, id));
        assertEquals(1, DB.count(OUTCOME_EVENTS, id));
        String etag =
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(409);
        assertEquals(1, DB.count(CLOSED_EVENTS, id), "closed once");
    }

    @Test
    void theEndReviewCancelsOrdinarySessionsAheadAndTheCloseCancelsBoostersAhead() {
        String id = activeEngagement();
        String ahead =
                schedule(t.coach, id, inDays(3), null).statusCode(201).extract().path("id");
        String started = schedule(t.coach, id, Instant.now().minus(1, ChronoUnit.HOURS), null)
                .statusCode(201)
                .extract()
                .path("id");
        endReviewWithOneBooster(id);
        String sessions = "/v1/engagements/" + id + "/sessions";
        as(t.client)
                .when()
                .get(sessions)
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + ahead + "' }.status", is("cancelled"))
                .body("items.find { it.id == '" + ahead + "' }.cancelledBy", is("engagement-end"))
                .body("items.find { it.id == '" + started + "' }.status", is("scheduled"));
        // Follow-up takes boosters only: an ordinary session is not moved into it.
        as(t.coach)
                .body(Map.of("scheduledAt", inDays(2).toString()))
                .when()
                .post(sessions + "/" + started + "/reschedule")
                .then()
                .statusCode(409);
        // But what happened in it, before the end review, is still recorded.
        assertEquals(200, hold(id, started));

        String booster =
                schedule(t.coach, id, inDays(5), true).statusCode(201).extract().path("id");
        ActiveEngagements.close(t.coach, id);
        as(t.coach)
                .when()
                .get(sessions)
                .then()
                .body("items.find { it.id == '" + booster + "' }.status", is("cancelled"))
                .body("items.find { it.id == '" + booster + "' }.cancelledBy", is("engagement-end"))
                .body("items.find { it.id == '" + started + "' }.status", is("held"));
        assertEquals(1, DB.count(COMPLETED_EVENTS, id));
    }

    @Test
    void aBoosterAfterItsWindowOrInAnActiveEngagementIsNotHeldAndChangesNothing() {
        String id = activeEngagement();
        endReviewWithOneBooster(id);
        String booster =
                schedule(t.coach, id, inDays(5), true).statusCode(201).extract().path("id");
        DB.execute("update engagement set boosters_within = current_date - 1 where id = '" + id + "'");
        assertEquals(409, hold(id, booster));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("follow-up"))
                .body("followUp.boostersHeld", is(0));
        assertEquals(
                1,
                DB.count("select count(*) from coaching_session where id = ?::uuid and status = 'scheduled'", booster));
        assertEquals(0, DB.count(COMPLETED_EVENTS, id));
    }

    @Test
    void thePractitionerOrTheirSupervisorClosesAFollowUpWhoseDatesAreAhead() {
        String id = activeEngagement();
        assertEquals(
                201, endReview(id, Map.of("dates", List.of(today.plusDays(90).toString()))));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("follow-up"))
                .body("followUp.dates", is(List.of(today.plusDays(90).toString())))
                .body("followUp.boostersAgreed", is(0))
                .body("followUp.boostersWithin", nullValue());
        schedule(t.coach, id, inDays(3), true).statusCode(409);
        String etag =
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        as(t.client)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(403);
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "active"))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(409);
        // Nobody else closes it: another coach, a supervisor who does not supervise the coach, a sponsor,
        // an admin, another tenant's coach.
        for (var refused : List.of(t.otherCoach, t.supervisor, TestTenant.another().coach)) {
            as(refused)
                    .header("If-Match", etag)
                    .body(Map.of("status", "closed"))
                    .when()
                    .post("/v1/engagements/" + id + "/status")
                    .then()
                    .statusCode(404);
        }
        for (var refused : List.of(t.sponsor, t.admin)) {
            as(refused)
                    .header("If-Match", etag)
                    .body(Map.of("status", "closed"))
                    .when()
                    .post("/v1/engagements/" + id + "/status")
                    .then()
                    .statusCode(403);
        }
        assertEquals(0, DB.count(CLOSED_EVENTS, id));
        // The coach's supervisor may close it, as the coach may.
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", is("closed"));
        assertEquals(1, DB.count(CLOSED_EVENTS, id));
        assertEquals(1, DB.count(OUTCOME_EVENTS, id));
    }

    @Test
    void aFollowUpOutsideAnEndReviewOrBeforeItIsRefusedAndNothingChanges() {
        String id = activeEngagement();
        String review = "/v1/engagements/" + id + "/reviews";
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "periodic",
                        "followUp",
                        Map.of("dates", List.of(today.plusDays(9).toString()))))
                .when()
                .post(review)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertEquals(
                422, endReview(id, Map.of("dates", List.of(today.minusDays(1).toString()))));
        assertEquals(422, endReview(id, Map.of("boosterSessions", 2)));
        assertEquals(
                422,
                endReview(
                        id,
                        Map.of(
                                "boosterSessions",
                                7,
                                "boostersWithin",
                                today.plusDays(9).toString())));
        assertEquals(422, endReview(id, Map.of()));
        assertEquals(
                422,
                endReview(
                        id,
                        Map.of(
                                "boosterSessions",
                                1,
                                "boostersWithin",
                                today.plusYears(3).toString())));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("active"))
                .body("followUp", nullValue());
        assertEquals(0, DB.count("select count(*) from review where engagement_id = ?::uuid", id));
        // Without a follow-up the end review closes the engagement as before.
        assertEquals(201, endReview(id, null));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("closed"))
                .body("followUp", nullValue());
        assertEquals(1, DB.count(CLOSED_EVENTS, id));
    }

    @Test
    void theSponsorCountsBoostersAsSessionsWhenTheContractDisclosesCounts() {
        String id = activeEngagement(true);
        assertEquals(
                201,
                endReview(
                        id,
                        Map.of(
                                "boosterSessions",
                                2,
                                "boostersWithin",
                                today.plusDays(30).toString())));
        String booster =
                schedule(t.coach, id, inDays(5), true).statusCode(201).extract().path("id");
        schedule(t.coach, id, inDays(6), true).statusCode(201);
        assertEquals(200, hold(id, booster));
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(200)
                .body("sessionCounts.held", is(1))
                .body("sessionCounts.scheduled", is(1))
                .body("sessionCounts.remainingInPackage", is(1));
        as(t.sponsor).when().get("/v1/engagements/" + id).then().statusCode(403);
    }
}
