package org.praxis.session.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Bounds;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class EngagementApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private final Tokens stranger = TestTenant.another().supervisor;

    private String open(String sponsorOrganisation) {
        Map<String, Object> body = new HashMap<>(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"));
        if (sponsorOrganisation != null) {
            body.put("sponsorOrganisation", sponsorOrganisation);
        }
        return as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"") // the version a first change names in If-Match
                .body("status", is("draft"))
                .body("practitionerId", is(t.coach.subject()))
                .extract()
                .path("id");
    }

    private Map<String, Object> contract(boolean withSponsor, Map<String, Boolean> disclosure) {
        List<Map<String, Object>> parties = new java.util.ArrayList<>(List.of(
                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                Map.of("role", "coach", "subject", t.coach.subject(), "required", true)));
        if (withSponsor) {
            parties.add(Map.of("role", "sponsor", "subject", t.sponsor.subject(), "required", true));
        }
        return Map.of(
                "purpose",
                "Lead the new team with less strain",
                "confidentialityTerms",
                "Sessions stay between us",
                "limitsOfConfidentiality",
                "Serious risk of harm is the exception",
                "reviewEveryWeeks",
                4,
                "sessionsPrepaid",
                6,
                "disclosure",
                disclosure,
                "parties",
                parties);
    }

    private static String status(Tokens who, String id) {
        return as(who).when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void aTwoPartyContractActivatesTheEngagementWhenBothAccept() {
        String id = open(null);
        as(t.coach)
                .body(contract(false, Map.of("attendance", false)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .body("number", is(1))
                .body("inForce", is(false));
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        assertEquals("draft", status(t.client, id));
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("inForce", is(true));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("active"))
                .body("sessionsRemaining", is(6));

        var events = TopicProbe.read(
                "session.events", r -> id.equals(r.key()), found -> found.size() >= 2, Duration.ofSeconds(30));
        assertEquals(
                List.of("org.praxis.session.contract.accepted.v1", "org.praxis.session.engagement.status-changed.v1"),
                events.stream().map(r -> TopicProbe.header(r, "ce_type")).toList());
        events.forEach(
                r -> assertEquals(List.of(), EventContracts.violations(TopicProbe.header(r, "ce_type"), r.value())));
    }

    @Test
    void aThreePartyContractIsNotActiveUntilTheSponsorAccepts() {
        String id = open("acme-hr");
        as(t.coach)
                .body(contract(false, Map.of("attendance", true)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("parties"));
        as(t.coach)
                .body(contract(true, Map.of("attendance", true)))
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
                .statusCode(200)
                .body("inForce", is(false));
        assertEquals("draft", status(t.coach, id));
        as(t.sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("inForce", is(true));
        assertEquals("active", status(t.coach, id));
        // A sponsor who is not a party to it cannot accept anything.
        as(t.user("sponsor"))
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(404);
    }

    @Test
    void aChangedContractIsANewVersionAndOldVersionsStayReadable() {
        String id = open(null);
        as(t.coach)
                .body(contract(false, Map.of()))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(contract(false, Map.of("sessionCounts", true, "aggregateOutcomes", true)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .body("number", is(2))
                .body("disclosure.aggregateOutcomes", is(true));
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(409);
        as(t.client).when().get("/v1/engagements/" + id + "/contracts").then().body("items.number", is(List.of(2, 1)));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("disclosure.sessionCounts", is(false))
                .body("disclosure.aggregateOutcomes", is(false))
                .body("purpose", is("Lead the new team with less strain"));
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from contract where engagement_id = ?::uuid"
                                        + " and (purpose like '%team%' or confidentiality_terms like '%between us%')",
                                id),
                "terms encrypted at rest");
    }

    @Test
    void statusMovesNeedTheCurrentETagAndFollowTheLifecycle() {
        String id = open(null);
        String etag =
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        String move = "/v1/engagements/" + id + "/status";
        as(t.coach).body(Map.of("status", "paused")).when().post(move).then().statusCode(428);
        as(t.coach)
                .header("If-Match", "\"42\"")
                .body(Map.of("status", "closed"))
                .when()
                .post(move)
                .then()
                .statusCode(412);
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "active"))
                .when()
                .post(move)
                .then()
                .statusCode(409);
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "paused"))
                .when()
                .post(move)
                .then()
                .statusCode(409);
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "bogus"))
                .when()
                .post(move)
                .then()
                .statusCode(422);
        String moved = as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post(move)
                .then()
                .statusCode(200)
                .body("status", is("closed"))
                .extract()
                .header("ETag");
        // The ETag of the answer is the one a later read gives, so a client can chain its next change.
        as(t.coach).when().get("/v1/engagements/" + id).then().header("ETag", moved);
        as(t.coach)
                .body(contract(false, Map.of()))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(409);
        as(t.client)
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .when()
                .post(move)
                .then()
                .statusCode(403);
    }

    @Test
    void whoSeesWhichEngagement() {
        String id = open("acme-hr");
        as(t.coach).when().get("/v1/engagements/" + id).then().statusCode(200);
        as(t.client).when().get("/v1/engagements/" + id).then().statusCode(200);
        // A supervisor reaches it only once the register says they supervise its coach.
        as(t.supervisor).when().get("/v1/engagements/" + id).then().statusCode(404);
        as(t.supervisor).when().get("/v1/engagements").then().body("items.id", not(hasItem(id)));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor).when().get("/v1/engagements/" + id).then().statusCode(200);
        as(t.supervisor).when().get("/v1/engagements").then().body("items.id", hasItem(id));
        as(t.user("supervisor")).when().get("/v1/engagements/" + id).then().statusCode(404);
        as(t.otherCoach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.user("client")).when().get("/v1/engagements/" + id).then().statusCode(404);
        as(t.sponsor).when().get("/v1/engagements/" + id).then().statusCode(403);
        as(t.user("admin")).when().get("/v1/engagements/" + id).then().statusCode(403);
        as(stranger).when().get("/v1/engagements/" + id).then().statusCode(404);
        as(stranger).when().get("/v1/engagements/" + id + "/contracts").then().statusCode(404);
        as(t.client).when().get("/v1/engagements").then().body("items.id", hasItem(id));
        as(t.otherCoach).when().get("/v1/engagements").then().body("items.id", not(hasItem(id)));
        as(stranger).when().get("/v1/engagements").then().body("items", hasSize(0));
        as(t.client)
                .body(Map.of("clientSubject", "x", "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(403);
    }

    @Test
    void badInputIs422AndOpensNothing() {
        as(t.coach)
                .body(Map.of("clientSubject", "c", "pathway", "therapy"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("pathway"));
        as(t.coach)
                .body(Map.of("clientSubject", "c", "pathway", "coaching", "practitionerId", "someone-else"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        as(t.supervisor)
                .body(Map.of("clientSubject", "c", "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        as(t.supervisor)
                .body(Map.of("clientSubject", "c", "pathway", "coaching", "practitionerId", t.coach.subject()))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from engagement where tenant_id = ?", t.id));
    }

    @Test
    void theSameIntakeDecidedTwiceCreatesOneDraftEngagementAndTherapyNone() {
        String intake = UUID.randomUUID().toString();
        String payload = "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + t.client.subject()
                + "\",\"pathway\":\"coaching\"," + "\"recommendedPathway\":\"coaching\",\"practitionerId\":\""
                + t.coach.subject() + "\",\"sponsorOrganisation\":null}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.intake.intake.decided.v1", payload));
        Map<String, String> headers = Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                "org.praxis.intake.intake.decided.v1",
                "ce_source",
                "/intake-service",
                "ce_tenant",
                t.id,
                "ce_time",
                Instant.now().toString());
        TopicProbe.send("intake.events", intake, payload, headers);
        TopicProbe.send("intake.events", intake, payload, headers);
        // The same decision again under a new event id (a replayed outbox row): still one engagement.
        Map<String, String> replayed = new HashMap<>(headers);
        replayed.put("ce_id", UUID.randomUUID().toString());
        TopicProbe.send("intake.events", intake, payload, replayed);

        // Therapy, support work and no intervention draft no engagement (issue 22); a coaching decision sent
        // after them under the same key (so read after them) shows they were handled.
        String therapy = UUID.randomUUID().toString();
        List<String> noCoaching =
                List.of(therapy, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> pathways = List.of("therapy", "support-work", "no-intervention");
        for (int i = 0; i < noCoaching.size(); i++) {
            String other = payload.replace(intake, noCoaching.get(i))
                    .replace("\"pathway\":\"coaching\"", "\"pathway\":\"" + pathways.get(i) + "\"");
            assertEquals(List.of(), EventContracts.violations("org.praxis.intake.intake.decided.v1", other));
            TopicProbe.sendEvent(
                    "intake.events", "org.praxis.intake.intake.decided.v1", "/intake-service", t.id, therapy, other);
        }
        String marker = UUID.randomUUID().toString();
        TopicProbe.sendEvent(
                "intake.events",
                "org.praxis.intake.intake.decided.v1",
                "/intake-service",
                t.id,
                therapy,
                payload.replace(intake, marker));
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from engagement where source_intake_id = ?::uuid", marker);
        EmbeddedPostgres.shared()
                .awaitCount(
                        2,
                        "select count(*) from inbox_event where consumer = 'session-intake-decided' and topic = 'intake.events'"
                                + " and event_id in (?, ?)",
                        replayed.get("ce_id"),
                        headers.get("ce_id"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> EmbeddedPostgres.shared()
                                .count("select count(*) from inbox_event where consumer = 'session-intake-decided'")
                        >= 3);

        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count("select count(*) from engagement where source_intake_id = ?::uuid", intake));
        for (String none : noCoaching) {
            assertEquals(
                    0,
                    EmbeddedPostgres.shared()
                            .count("select count(*) from engagement where source_intake_id = ?::uuid", none));
        }
        as(t.coach)
                .when()
                .get("/v1/engagements")
                .then()
                .body("items.sourceIntakeId", hasItem(intake))
                .body("items.find { it.sourceIntakeId == '" + intake + "' }.status", is("draft"));
    }

    @Test
    void anIntakeDecidedNamingAnOverLongClientIsDeadLetteredAndOpensNothing() {
        String intake = UUID.randomUUID().toString();
        String payload = "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + "c".repeat(Bounds.SUBJECT + 1)
                + "\",\"pathway\":\"coaching\",\"recommendedPathway\":\"coaching\",\"practitionerId\":\""
                + t.coach.subject() + "\"}";
        TopicProbe.sendEvent(
                "intake.events", "org.praxis.intake.intake.decided.v1", "/intake-service", t.id, intake, payload);
        var dead = TopicProbe.read(
                "intake.events.dlq", r -> intake.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from engagement where source_intake_id = ?::uuid", intake));
    }
}
