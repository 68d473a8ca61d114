package org.praxis.session.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.CommitHold;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 22: an engagement handed to another coach. The new coach accepts; access moves with the engagement's
 * practitioner (the old coach reaches none of it, the new coach all of it, notes included); the client and the
 * supervisor see who and when; a new contract version naming the new coach needs acceptance before any session.
 */
@QuarkusTest
class HandoverApiTest {
    private final TestTenant t = new TestTenant();

    private String activeEngagement() {
        String id = proposed(List.of());
        for (Tokens party : List.of(t.client, t.coach)) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    /** A draft engagement of the client and the coach, its first contract proposed naming them and {@code others}. */
    private String proposed(List<Map<String, Object>> others) {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Map<String, Object>> parties = new java.util.ArrayList<>(List.of(
                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                Map.of("role", "coach", "subject", t.coach.subject(), "required", true)));
        parties.addAll(others);
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Clarity at work",
                        "reviewEveryWeeks",
                        6,
                        "sessionsPrepaid",
                        8,
                        "pricePerSession",
                        Map.of("amountMinor", 9000, "currency", "EUR"),
                        "parties",
                        parties))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        return id;
    }

    private String offer(String engagement, Tokens by, String to) {
        return as(by).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("toPractitionerId", to, "reason", "scope", "note", "Works nights; prefers video"))
                .when()
                .post("/v1/engagements/" + engagement + "/handovers")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", is("offered"))
                .extract()
                .path("id");
    }

    /** The client gives feedback on the session: it is recorded about {@code coach}, who held it. */
    private void feedbackIsAbout(String engagementPath, String session, String coach) {
        as(t.client)
                .body(Map.of("feltHeard", 8, "workedOnWhatMattered", 7, "approachFitted", 6, "overall", 7))
                .when()
                .post(engagementPath + "/sessions/" + session + "/feedback")
                .then()
                .statusCode(201);
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from session_feedback where session_id = ?::uuid and practitioner_id = ?",
                                session,
                                coach));
    }

    private String create(Tokens who, String path, Map<String, Object> body) {
        return as(who).body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void accessMovesWithTheEngagementToTheNewCoach() {
        String id = activeEngagement();
        String base = "/v1/engagements/" + id;
        String goal = create(
                t.client,
                base + "/goals",
                Map.of(
                        "title",
                        "Sleep",
                        "horizon",
                        "proximal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true));
        String note = create(t.coach, base + "/notes", Map.of("kind", "private", "body", "first impressions"));
        String session = create(
                t.coach,
                base + "/sessions",
                Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video",
                        "model",
                        "GROW"));

        // A session the first coach holds before the handover: the client's feedback on it is about them.
        String heldBefore = create(
                t.coach,
                base + "/sessions",
                Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"));
        as(t.coach)
                .body(Map.of("status", "held", "scaling", 5))
                .when()
                .post(base + "/sessions/" + heldBefore + "/outcome")
                .then()
                .statusCode(200);

        // Bad input, the wrong people and another tenant: refused, nothing offered.
        Map<String, Object> good = Map.of("toPractitionerId", t.otherCoach.subject(), "reason", "fit");
        as(t.coach)
                .body(Map.of("toPractitionerId", t.otherCoach.subject(), "reason", "boredom"))
                .when()
                .post(base + "/handovers")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.coach)
                .body(Map.of("toPractitionerId", t.otherCoach.subject(), "reason", "client-request"))
                .when()
                .post(base + "/handovers")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("toPractitionerId", t.client.subject(), "reason", "fit"))
                .when()
                .post(base + "/handovers")
                .then()
                .statusCode(422);
        as(t.client).body(good).when().post(base + "/handovers").then().statusCode(403);
        as(t.otherCoach).body(good).when().post(base + "/handovers").then().statusCode(404);
        as(t.supervisor).body(good).when().post(base + "/handovers").then().statusCode(404);
        as(t.sponsor).body(good).when().post(base + "/handovers").then().statusCode(403);
        as(TestTenant.another().coach)
                .body(good)
                .when()
                .post(base + "/handovers")
                .then()
                .statusCode(404);
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from handover where engagement_id = ?::uuid", id));

        String handover = offer(id, t.coach, t.otherCoach.subject());
        String path = base + "/handovers/" + handover;
        as(t.coach).body(good).when().post(base + "/handovers").then().statusCode(409);
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from handover where note like '%nights%'"));
        // The coach it names finds the offer and reads it, and nothing else of the engagement yet.
        as(t.otherCoach)
                .when()
                .get("/v1/handovers?status=offered")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(handover));
        as(t.otherCoach).when().get(path).then().statusCode(200).body("note", is("Works nights; prefers video"));
        as(t.otherCoach).when().get(base).then().statusCode(404);
        as(t.client).when().get(path).then().statusCode(200).body("note", nullValue());
        as(t.user("coach")).when().get(path).then().statusCode(404);
        as(TestTenant.another().coach).when().get(path).then().statusCode(404);
        // Only the coach it names answers, with If-Match.
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(403);
        as(t.client)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(403);
        as(t.user("coach"))
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(404);
        as(TestTenant.another().coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(404);
        as(TestTenant.another().coach)
                .when()
                .get("/v1/handovers?status=offered")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(handover)));
        as(t.otherCoach).when().post(path + "/acceptance").then().statusCode(428);
        as(t.coach).when().get(base).then().body("practitionerId", is(t.coach.subject()));

        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", is("accepted"));
        as(t.otherCoach)
                .header("If-Match", "\"1\"")
                .when()
                .post(path + "/declination")
                .then()
                .statusCode(409);

        // The old coach reaches none of it; the new coach all of it, the old coach's private note too.
        for (String p : List.of(
                base,
                base + "/goals",
                base + "/goals/" + goal + "/progress",
                base + "/notes/" + note,
                base + "/sessions",
                base + "/reviews",
                base + "/charges",
                base + "/handovers",
                path)) {
            as(t.coach).when().get(p).then().statusCode(404);
            as(t.otherCoach).when().get(p).then().statusCode(200);
        }
        // A party reads the contract versions naming them: the old coach the one they signed, not the next.
        as(t.coach).when().get(base + "/contracts").then().statusCode(200).body("items.number", contains(1));
        as(t.coach).when().get(base + "/contracts/2").then().statusCode(404);
        as(t.coach)
                .body(Map.of("kind", "private", "body", "one more thought"))
                .when()
                .post(base + "/notes")
                .then()
                .statusCode(404);
        as(t.coach).body(good).when().post(base + "/handovers").then().statusCode(404);
        // The refused note wrote nothing: the first coach's note is still the only one.
        assertEquals(
                1,
                EmbeddedPostgres.shared().count("select count(*) from session_note where engagement_id = ?::uuid", id));
        as(t.otherCoach).when().get(base + "/notes/" + note).then().body("body", is("first impressions"));
        // The first coach's unsigned note is theirs: the new coach neither rewrites nor signs it, and signs their own.
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .body(Map.of("body", "rewritten by the next coach"))
                .when()
                .put(base + "/notes/" + note)
                .then()
                .statusCode(403);
        as(t.otherCoach)
                .when()
                .post(base + "/notes/" + note + "/signature")
                .then()
                .statusCode(403);
        as(t.otherCoach)
                .when()
                .get(base + "/notes/" + note)
                .then()
                .body("body", is("first impressions"))
                .body("signedAt", nullValue());
        String own = create(t.otherCoach, base + "/notes", Map.of("kind", "private", "body", "taking over"));
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(base + "/notes/" + own + "/signature")
                .then()
                .statusCode(200);
        as(t.otherCoach).when().get(base + "/goals").then().body("items.id", hasItem(goal));
        as(t.otherCoach).when().get(base + "/sessions").then().body("items.id", hasItem(session));
        as(t.coach).when().get("/v1/engagements").then().body("items.id", not(hasItem(id)));

        // Who and when, to the client and the supervisor.
        as(t.client)
                .when()
                .get(base + "/handovers")
                .then()
                .statusCode(200)
                .body("items[0].fromPractitionerId", is(t.coach.subject()))
                .body("items[0].toPractitionerId", is(t.otherCoach.subject()))
                .body("items[0].reason", is("scope"))
                .body("items[0].offeredAt", notNullValue())
                .body("items[0].answeredAt", notNullValue())
                .body("items[0].note", nullValue());
        as(t.supervisor).when().get(base + "/handovers").then().statusCode(404);
        SupervisionEvents.assign(t.id, t.otherCoach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .when()
                .get(base + "/handovers")
                .then()
                .statusCode(200)
                .body("items[0].toPractitionerId", is(t.otherCoach.subject()));
        as(t.sponsor).when().get(base + "/handovers").then().statusCode(403);
        as(TestTenant.another().client).when().get(base + "/handovers").then().statusCode(404);

        // A new contract version names the new coach, with every term copied; no session until it is in force.
        as(t.client)
                .when()
                .get(base + "/contracts/2")
                .then()
                .statusCode(200)
                .body("purpose", is("Clarity at work"))
                .body("reviewEveryWeeks", is(6))
                .body("sessionsPrepaid", is(8))
                .body("pricePerSession.amountMinor", is(9000))
                .body("packageChange", nullValue())
                .body("parties.find { it.role == 'coach' }.subject", is(t.otherCoach.subject()));
        Map<String, Object> next = Map.of(
                "scheduledAt",
                Instant.now().plus(2, ChronoUnit.DAYS).toString(),
                "durationMinutes",
                50,
                "mode",
                "video",
                "model",
                "GROW");
        as(t.otherCoach)
                .body(next)
                .when()
                .post(base + "/sessions")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("contract version 2"));
        as(t.otherCoach)
                .body(Map.of("status", "held"))
                .when()
                .post(base + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("contract version 2"));
        // A later version the new coach proposes settles nothing until it is accepted too.
        as(t.otherCoach)
                .body(Map.of(
                        "purpose",
                        "Clarity at work, with the new coach",
                        "sessionsPrepaid",
                        8,
                        "pricePerSession",
                        Map.of("amountMinor", 9000, "currency", "EUR"),
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.otherCoach.subject(), "required", true))))
                .when()
                .post(base + "/contracts")
                .then()
                .statusCode(201)
                .body("number", is(3));
        as(t.otherCoach)
                .body(next)
                .when()
                .post(base + "/sessions")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("contract version 2"));
        for (Tokens party : List.of(t.client, t.otherCoach)) {
            as(party).when().post(base + "/contracts/3/acceptance").then().statusCode(200);
        }
        as(t.otherCoach).body(next).when().post(base + "/sessions").then().statusCode(201);

        // The client's feedback on the session held before the handover is about the coach who held it.
        feedbackIsAbout(base, heldBefore, t.coach.subject());

        // The session that started a day before the handover, recorded held by the new coach only now: its
        // feedback and its practice hours (session.completed) are still the first coach's, who held it.
        as(t.otherCoach)
                .body(Map.of("status", "held", "scaling", 6))
                .when()
                .post(base + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(200);
        feedbackIsAbout(base, session, t.coach.subject());
        var completed = TopicProbe.read(
                "session.events",
                r -> id.equals(r.key())
                        && "org.praxis.session.session.completed.v1".equals(TopicProbe.header(r, "ce_type"))
                        && r.value().contains(session),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, completed.size());
        assertEquals(
                t.coach.subject(),
                new io.restassured.path.json.JsonPath(completed.get(0).value()).getString("practitionerId"));

        var published = TopicProbe.read(
                "session.events",
                r -> id.equals(r.key())
                        && "org.praxis.session.engagement.handed-over.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, published.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.session.engagement.handed-over.v1",
                        published.get(0).value()));
    }

    @Test
    void aCoachWhoDeclinedOrHandedTheEngagementOnReachesItsHandoversNoMore() {
        String id = activeEngagement();
        String base = "/v1/engagements/" + id;
        String declined = offer(id, t.coach, t.otherCoach.subject());
        as(t.otherCoach)
                .when()
                .get(base + "/handovers/" + declined)
                .then()
                .statusCode(200)
                .body("note", is("Works nights; prefers video"));
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(base + "/handovers/" + declined + "/declination")
                .then()
                .statusCode(200);
        as(t.otherCoach).when().get(base + "/handovers/" + declined).then().statusCode(404);
        as(t.otherCoach).when().get("/v1/handovers").then().statusCode(200).body("items.id", not(hasItem(declined)));

        Tokens third = t.user("coach");
        String first = offer(id, t.coach, t.otherCoach.subject());
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(base + "/handovers/" + first + "/acceptance")
                .then()
                .statusCode(200);
        as(t.otherCoach).when().get(base + "/handovers/" + declined).then().statusCode(200); // its practitioner now
        String second = offer(id, t.otherCoach, third.subject());
        as(third)
                .header("If-Match", "\"0\"")
                .when()
                .post(base + "/handovers/" + second + "/acceptance")
                .then()
                .statusCode(200);
        // The version proposed after the second handover names the third coach, not the first one (the version
        // in force, v1, still names the first: v2 was never accepted).
        as(third)
                .when()
                .get(base + "/contracts/3")
                .then()
                .statusCode(200)
                .body("parties.findAll { it.role == 'coach' }.subject", contains(third.subject()));
        as(t.coach).when().get(base + "/contracts/3").then().statusCode(404);
        for (String handover : List.of(declined, first, second)) {
            as(t.otherCoach).when().get(base + "/handovers/" + handover).then().statusCode(404);
            as(third).when().get(base + "/handovers/" + handover).then().statusCode(200);
        }
        as(t.otherCoach).when().get("/v1/handovers").then().statusCode(200).body("items.id", not(hasItem(first)));
        // Answering again: the coach who accepted still sees it and is told it is answered.
        as(third)
                .header("If-Match", "\"1\"")
                .when()
                .post(base + "/handovers/" + second + "/declination")
                .then()
                .statusCode(409);
        as(t.otherCoach)
                .header("If-Match", "\"1\"")
                .when()
                .post(base + "/handovers/" + first + "/declination")
                .then()
                .statusCode(404);
    }

    @Test
    void aDeclinedOfferChangesNothingAndTheClientsRequestStartsAHandover() {
        String id = activeEngagement();
        String base = "/v1/engagements/" + id;
        String declined = offer(id, t.coach, t.otherCoach.subject());
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(base + "/handovers/" + declined + "/declination")
                .then()
                .statusCode(200)
                .body("status", is("declined"));
        as(t.client).when().get(base).then().body("practitionerId", is(t.coach.subject()));

        String request = create(
                t.client, base + "/client-requests", Map.of("kind", "change-coach", "reason", "Not the right fit"));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "decision", "granted", "note", "Agreed with the client", "newCoach", t.otherCoach.subject()))
                .when()
                .post(base + "/client-requests/" + request + "/decision")
                .then()
                .statusCode(200);
        String handover = as(t.otherCoach)
                .when()
                .get("/v1/handovers?status=offered")
                .then()
                .statusCode(200)
                .body("items[0].reason", is("client-request"))
                .body("items[0].clientRequestId", is(request))
                .extract()
                .path("items[0].id");
        // The supervisor's note was written to the client: the coach being left does not read it here.
        as(t.coach)
                .when()
                .get(base + "/handovers/" + handover)
                .then()
                .statusCode(200)
                .body("note", nullValue());
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(base + "/handovers/" + handover + "/acceptance")
                .then()
                .statusCode(200);
        as(t.client).when().get(base).then().body("practitionerId", is(t.otherCoach.subject()));

        // An admin reads no handover and offers none; the client's export holds the request and both handovers.
        as(t.admin).when().get(base + "/handovers").then().statusCode(403);
        as(t.admin).when().get("/v1/handovers?status=offered").then().statusCode(403);
        TestTenant.export(t.admin, t.client.subject(), t.exportRequest(t.client.subject()))
                .statusCode(200)
                .body("clientRequests.id", contains(request))
                .body("clientRequests[0].kind", is("change-coach"))
                .body("handovers.id", contains(declined, handover))
                .body("handovers.status", contains("declined", "accepted"))
                .body("handovers[0].note", is("Works nights; prefers video"));
    }

    @Test
    void anOpenOfferEndsByWithdrawalByAGrantOfTheClientsRequestOrByTheClose() {
        String id = activeEngagement();
        String base = "/v1/engagements/" + id;
        Tokens silent = t.user("coach"); // named, and never answers
        String offer = offer(id, t.coach, silent.subject());
        String path = base + "/handovers/" + offer + "/withdrawal";
        // Only the practitioner (or their supervisor) takes it back, with If-Match.
        as(t.client).header("If-Match", "\"0\"").when().post(path).then().statusCode(403);
        as(silent).header("If-Match", "\"0\"").when().post(path).then().statusCode(403);
        as(t.otherCoach).header("If-Match", "\"0\"").when().post(path).then().statusCode(404);
        as(t.supervisor).header("If-Match", "\"0\"").when().post(path).then().statusCode(404);
        as(TestTenant.another().coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path)
                .then()
                .statusCode(404);
        as(t.coach).when().post(path).then().statusCode(428);
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", is("withdrawn"));
        as(t.coach).header("If-Match", "\"1\"").when().post(path).then().statusCode(409);
        as(silent).when().get(base + "/handovers/" + offer).then().statusCode(404);
        as(silent).when().get("/v1/handovers?status=offered").then().body("items.id", not(hasItem(offer)));

        // An offer left open does not block the client's request for another coach once a supervisor grants it.
        String stale = offer(id, t.coach, silent.subject());
        String request = create(t.client, base + "/client-requests", Map.of("kind", "change-coach", "reason", "Fit"));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "granted", "note", "Agreed", "newCoach", t.otherCoach.subject()))
                .when()
                .post(base + "/client-requests/" + request + "/decision")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .get(base + "/handovers/" + stale)
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"));
        String granted = as(t.otherCoach)
                .when()
                .get("/v1/handovers?status=offered")
                .then()
                .body("items.find { it.engagementId == '" + id + "' }.reason", is("client-request"))
                .extract()
                .path("items.find { it.engagementId == '" + id + "' }.id");
        // The client's granted request is not for the coach being left to take back; their supervisor may end it
        // (the coach it names does not answer).
        String grantedPath = base + "/handovers/" + granted + "/withdrawal";
        as(t.coach).header("If-Match", "\"0\"").when().post(grantedPath).then().statusCode(403);
        as(t.otherCoach)
                .when()
                .get(base + "/handovers/" + granted)
                .then()
                .statusCode(200)
                .body("status", is("offered"));
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .when()
                .post(grantedPath)
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"));
        as(t.otherCoach).when().get(base + "/handovers/" + granted).then().statusCode(404);

        // Closed, the engagement is handed to no one: its open offer ends, and the coach named reaches it no more.
        String closing = activeEngagement();
        String taken = offer(closing, t.coach, silent.subject());
        as(t.supervisor) // the coach's supervisor takes an offer back too
                .header("If-Match", "\"0\"")
                .when()
                .post("/v1/engagements/" + closing + "/handovers/" + taken + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"));
        String last = offer(closing, t.coach, silent.subject());
        String etag = as(t.coach)
                .when()
                .get("/v1/engagements/" + closing)
                .then()
                .extract()
                .header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post("/v1/engagements/" + closing + "/status")
                .then()
                .statusCode(200);
        as(silent)
                .when()
                .get("/v1/engagements/" + closing + "/handovers/" + last)
                .then()
                .statusCode(404);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + closing + "/handovers/" + last)
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"));
    }

    @Test
    void aCoachNamedInTheContractInAnotherRoleIsNotOfferedIt() {
        Tokens colleague = t.user("coach");
        String id = proposed(List.of(Map.of("role", "other", "subject", colleague.subject(), "required", false)));
        as(t.coach)
                .body(Map.of("toPractitionerId", colleague.subject(), "reason", "scope"))
                .when()
                .post("/v1/engagements/" + id + "/handovers")
                .then()
                .statusCode(422)
                .body("errors[0].field", is("toPractitionerId"));
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from handover where engagement_id = ?::uuid", id));
    }

    @Test
    void theCoachsSupervisorOffersAHandoverDirectly() {
        String id = activeEngagement();
        String base = "/v1/engagements/" + id;
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        String handover = offer(id, t.supervisor, t.otherCoach.subject());
        String path = base + "/handovers/" + handover;
        as(t.supervisor)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("fromPractitionerId", is(t.coach.subject()))
                .body("toPractitionerId", is(t.otherCoach.subject()))
                .body("note", is("Works nights; prefers video"));
        // Offering is the supervisor's; accepting is only the coach it names.
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(403);
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/acceptance")
                .then()
                .statusCode(200)
                .body("status", is("accepted"));
        as(t.client).when().get(base).then().statusCode(200).body("practitionerId", is(t.otherCoach.subject()));
    }

    /**
     * A concern the coach records while the new coach accepts the engagement names the coach it was recorded
     * under: the acceptance waits until the concern has committed, so risk.noted is never about a former coach.
     */
    @Test
    void aHandoverAcceptedWhileTheCoachRecordsAConcernWaitsForIt() throws Exception {
        String id = activeEngagement();
        String path = "/v1/engagements/" + id + "/handovers/" + offer(id, t.coach, t.otherCoach.subject());
        // The concern is held at its commit; the acceptance must wait for it (it may not go ahead beside it).
        try (CommitHold hold = CommitHold.on("insert", "risk_concern", "new.engagement_id = '" + id + "'::uuid")) {
            java.util.concurrent.CompletableFuture<Integer> raising =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> as(t.coach)
                            .body(Map.of("level", "serious"))
                            .when()
                            .post("/v1/engagements/" + id + "/risk-concerns")
                            .then()
                            .extract()
                            .statusCode());
            hold.awaitHeld();
            java.util.concurrent.CompletableFuture<Integer> accepting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> as(t.otherCoach)
                            .header("If-Match", "\"0\"")
                            .when()
                            .post(path + "/acceptance")
                            .then()
                            .extract()
                            .statusCode());
            hold.awaitWaitingForIt(1);
            hold.release();
            assertEquals(201, raising.get());
            assertEquals(200, accepting.get());
        }
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        assertEquals(
                1,
                db.count(
                        "select count(*) from outbox_event where event_type = 'org.praxis.session.risk.noted.v1'"
                                + " and payload->>'engagementId' = ? and payload->>'practitionerId' = ?",
                        id,
                        t.coach.subject()));
    }

    @Test
    void erasingTheClientOverwritesTheHandoverNote() {
        String id = activeEngagement();
        String handover = offer(id, t.coach, t.otherCoach.subject());
        assertEquals(
                1,
                org.praxis.testsupport.ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events")
                        .size());
        as(t.otherCoach)
                .when()
                .get("/v1/engagements/" + id + "/handovers/" + handover)
                .then()
                .statusCode(200)
                .body("note", nullValue());
    }
}
