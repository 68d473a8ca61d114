package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class SessionApiTest {
    private final TestTenant t = new TestTenant();

    /** A draft engagement of the client with the coach, sponsored by acme-hr. */
    private String sponsoredDraft() {
        return as(t.coach)
                .body(Map.of(
                        "clientSubject", t.client.subject(), "pathway", "coaching", "sponsorOrganisation", "acme-hr"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The client, the coach and the sponsor, each required to accept. */
    private List<Map<String, Object>> sponsoredParties() {
        return new ArrayList<>(List.of(
                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                Map.of("role", "coach", "subject", t.coach.subject(), "required", true),
                Map.of("role", "sponsor", "subject", t.sponsor.subject(), "required", true)));
    }

    /** An active, sponsored engagement whose contract discloses what {@code disclosure} says. */
    private String activeEngagement(Map<String, Boolean> disclosure, int sessionsPrepaid) {
        String id = sponsoredDraft();
        List<Map<String, Object>> parties = sponsoredParties();
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Grow as a leader",
                        "sessionsPrepaid",
                        sessionsPrepaid,
                        "disclosure",
                        disclosure,
                        "parties",
                        parties))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (Tokens party : List.of(t.client, t.coach, t.sponsor)) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    private String schedule(String engagement, Instant at) {
        return as(t.coach)
                .body(Map.of("scheduledAt", at.toString(), "durationMinutes", 50, "mode", "video", "model", "OSKAR"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void move(String engagement, String status) {
        org.praxis.session.ActiveEngagements.move(t.coach, engagement, status);
    }

    @Test
    void aSponsorLearnsNothingOfAVersionTheyMayNotReadFromARefusedAcceptance() {
        String id = sponsoredDraft();
        List<Map<String, Object>> parties = sponsoredParties();
        as(t.coach)
                .body(Map.of("purpose", "Grow as a leader", "sessionsPrepaid", 4, "parties", parties))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        // The client agrees to the first (so the sponsor may read it); a second is proposed before the sponsor agrees.
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("purpose", "Grow as a leader, and as a parent", "sessionsPrepaid", 4, "parties", parties))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200);
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/2")
                .then()
                .statusCode(404);
        as(t.sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(409)
                .body("detail", is("This contract version cannot be accepted now; the practitioner can say why."));
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("replaced by a newer one"));
    }

    @Test
    void aPauseCancelsTheSessionsAheadAndNoneIsMovedIntoIt() {
        String id = activeEngagement(Map.of("sessionCounts", true), 4);
        String started = schedule(id, Instant.now().minus(30, ChronoUnit.MINUTES));
        String ahead = schedule(id, Instant.now().plus(2, ChronoUnit.DAYS));
        move(id, "paused");
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .body("items.find { it.id == '" + ahead + "' }.status", is("cancelled"))
                .body("items.find { it.id == '" + ahead + "' }.cancelledBy", is("engagement-pause"))
                .body("items.find { it.id == '" + started + "' }.status", is("scheduled"));
        // Nothing is moved into the pause; the session already under way is still recorded.
        as(t.coach)
                .body(Map.of(
                        "scheduledAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + started + "/reschedule")
                .then()
                .statusCode(409)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        as(t.coach)
                .body(Map.of("status", "held", "scaling", 6))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + started + "/outcome")
                .then()
                .statusCode(200);
        // Resumed, sessions are scheduled again.
        move(id, "active");
        schedule(id, Instant.now().plus(3, ChronoUnit.DAYS));
    }

    @Test
    void aHeldSessionUsesThePackageAndPublishesSessionCompleted() {
        String id = activeEngagement(Map.of("sessionCounts", true), 2);
        String first = schedule(id, Instant.now().minus(3, ChronoUnit.HOURS));
        String outcome = "/v1/engagements/" + id + "/sessions/" + first + "/outcome";
        as(t.coach)
                .body(Map.of("status", "held", "scaling", 11))
                .when()
                .post(outcome)
                .then()
                .statusCode(422);
        as(t.coach).body(Map.of("status", "maybe")).when().post(outcome).then().statusCode(422);
        as(t.coach)
                .body(Map.of("status", "held", "scaling", 6, "previousGoalsReviewed", true))
                .when()
                .post(outcome)
                .then()
                .statusCode(200)
                .body("status", is("held"))
                .body("scaling", is(6));
        as(t.coach)
                .body(Map.of("status", "no-show"))
                .when()
                .post(outcome)
                .then()
                .statusCode(409);
        as(t.client).when().get("/v1/engagements/" + id).then().body("sessionsRemaining", is(1));

        var completed = TopicProbe.read(
                "session.events",
                r -> id.equals(r.key())
                        && "org.praxis.session.session.completed.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, completed.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.session.session.completed.v1",
                        completed.get(0).value()));

        String second = schedule(id, Instant.now().minus(2, ChronoUnit.HOURS));
        as(t.coach)
                .body(Map.of("status", "held"))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + second + "/outcome")
                .then()
                .statusCode(200);
        String third = schedule(id, Instant.now().minus(1, ChronoUnit.HOURS));
        as(t.coach)
                .body(Map.of("status", "held"))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + third + "/outcome")
                .then()
                .statusCode(409);
    }

    @Test
    void cancellingWithin24HoursIsLate() {
        String id = activeEngagement(Map.of("attendance", true), 6);
        String soon = schedule(id, Instant.now().plus(3, ChronoUnit.HOURS));
        String later = schedule(id, Instant.now().plus(5, ChronoUnit.DAYS));
        Instant moved = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String movedTo = as(t.coach)
                .body(Map.of("scheduledAt", moved.toString()))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + later + "/reschedule")
                .then()
                .statusCode(200)
                .body("id", is(later))
                .body("status", is("scheduled"))
                .extract()
                .path("scheduledAt");
        assertEquals(moved, Instant.parse(movedTo));
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + soon + "/cancellation")
                .then()
                .statusCode(200)
                .body("cancelledBy", is("client"))
                .body("cancelledLate", is(true));
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + later + "/cancellation")
                .then()
                .statusCode(200)
                .body("cancelledBy", is("practitioner"))
                .body("cancelledLate", is(false));
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + later + "/cancellation")
                .then()
                .statusCode(409);
        as(t.coach)
                .body(Map.of("scheduledAt", Instant.now().toString()))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + later + "/reschedule")
                .then()
                .statusCode(409);

        // Once it has started, the client's session is held or missed, not cancelled: the practitioner records
        // which (a cancellation then would spare the fee, the package and the practice hours).
        String started = schedule(id, Instant.now().minus(10, ChronoUnit.MINUTES));
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + started + "/cancellation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(t.coach)
                .body(Map.of("status", "no-show"))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + started + "/outcome")
                .then()
                .statusCode(200)
                .body("status", is("no-show"));
    }

    @Test
    void theSponsorReportShowsOnlyWhatTheTermsAllow() {
        String id = activeEngagement(Map.of("attendance", true), 6);
        String held = schedule(id, Instant.now().minus(2, ChronoUnit.HOURS));
        as(t.coach)
                .body(Map.of("status", "held", "scaling", 7))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + held + "/outcome")
                .then()
                .statusCode(200);
        String missed = schedule(id, Instant.now().minus(1, ChronoUnit.HOURS));
        as(t.coach)
                .body(Map.of("status", "no-show"))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + missed + "/outcome")
                .then()
                .statusCode(200);
        // Two cancellations inside the notice: the coach's is no lateness of the client's; the client's is.
        for (Tokens by : List.of(t.coach, t.client)) {
            String late = schedule(id, Instant.now().plus(3, ChronoUnit.HOURS));
            as(by).when()
                    .post("/v1/engagements/" + id + "/sessions/" + late + "/cancellation")
                    .then()
                    .statusCode(200)
                    .body("cancelledLate", is(true));
        }

        Map<String, Object> report = as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(Set.of("engagementId", "contractNumber", "attendance"), report.keySet());
        assertEquals(Map.of("held", 1, "noShows", 1, "lateCancellations", 1), report.get("attendance"));

        String both = activeEngagement(Map.of("sessionDates", true, "sessionCounts", true), 6);
        Map<String, Object> other = as(t.sponsor)
                .when()
                .get("/v1/engagements/" + both + "/sponsor-report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(Set.of("engagementId", "contractNumber", "sessionDates", "sessionCounts"), other.keySet());
    }

    @Test
    void aSponsorReachesOnlyTheReportOfTheirOwnContracts() {
        String id = activeEngagement(Map.of("attendance", true), 6);
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(404);
        as(TestTenant.another().sponsor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(404);
        as(t.sponsor).when().get("/v1/engagements/" + id).then().statusCode(403);
        as(t.sponsor).when().get("/v1/engagements/" + id + "/sessions").then().statusCode(403);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(403);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(403);
    }

    @Test
    void onlyTheEngagementsPractitionerSchedulesAndNothingBeforeItIsActive() {
        String draft = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = Map.of(
                "scheduledAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "durationMinutes",
                50,
                "mode",
                "video");
        as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements/" + draft + "/sessions")
                .then()
                .statusCode(409);
        String id = activeEngagement(Map.of(), 6);
        as(t.client)
                .body(body)
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(403);
        as(t.user("coach"))
                .body(body)
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(404);
        as(TestTenant.another().supervisor)
                .body(body)
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(404);
        as(t.coach)
                .body(Map.of("scheduledAt", "tomorrow", "durationMinutes", 50, "mode", "video"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(400);
        as(t.coach)
                .body(Map.of("scheduledAt", Instant.now().toString(), "durationMinutes", 5, "mode", "carrier-pigeon"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(422);
    }
}
