package org.praxis.session.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class EngagementApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens otherCoach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens client = Tokens.anyone().tenant(tenant).roles("client");
    private final Tokens sponsor = Tokens.anyone().tenant(tenant).roles("sponsor");
    private final Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
    private final Tokens stranger = Tokens.anyone().tenant("other-" + tenant).roles("supervisor");

    private static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    private String open(String sponsorOrganisation) {
        Map<String, Object> body = new HashMap<>(Map.of("clientSubject", client.subject(), "pathway", "coaching"));
        if (sponsorOrganisation != null) {
            body.put("sponsorOrganisation", sponsorOrganisation);
        }
        return as(coach)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .body("status", is("draft"))
                .body("practitionerId", is(coach.subject()))
                .extract()
                .path("id");
    }

    private Map<String, Object> contract(boolean withSponsor, Map<String, Boolean> disclosure) {
        List<Map<String, Object>> parties = new java.util.ArrayList<>(List.of(
                Map.of("role", "client", "subject", client.subject(), "required", true),
                Map.of("role", "coach", "subject", coach.subject(), "required", true)));
        if (withSponsor) {
            parties.add(Map.of("role", "sponsor", "subject", sponsor.subject(), "required", true));
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
        as(coach)
                .body(contract(false, Map.of("attendance", false)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .body("number", is(1))
                .body("inForce", is(false));
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        assertEquals("draft", status(client, id));
        as(coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("inForce", is(true));
        as(client)
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
        as(coach)
                .body(contract(false, Map.of("attendance", true)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("parties"));
        as(coach)
                .body(contract(true, Map.of("attendance", true)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("inForce", is(false));
        assertEquals("draft", status(coach, id));
        as(sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("inForce", is(true));
        assertEquals("active", status(coach, id));
        // A sponsor who is not a party to it cannot accept anything.
        as(Tokens.anyone().tenant(tenant).roles("sponsor"))
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(404);
    }

    @Test
    void aChangedContractIsANewVersionAndOldVersionsStayReadable() {
        String id = open(null);
        as(coach)
                .body(contract(false, Map.of()))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(coach)
                .body(contract(false, Map.of("sessionCounts", true)))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .body("number", is(2));
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(409);
        as(client).when().get("/v1/engagements/" + id + "/contracts").then().body("items.number", is(List.of(2, 1)));
        as(client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("disclosure.sessionCounts", is(false))
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
                as(coach).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        String move = "/v1/engagements/" + id + "/status";
        as(coach).body(Map.of("status", "paused")).when().post(move).then().statusCode(428);
        as(coach)
                .header("If-Match", "\"42\"")
                .body(Map.of("status", "closed"))
                .when()
                .post(move)
                .then()
                .statusCode(412);
        as(coach)
                .header("If-Match", etag)
                .body(Map.of("status", "active"))
                .when()
                .post(move)
                .then()
                .statusCode(409);
        as(coach)
                .header("If-Match", etag)
                .body(Map.of("status", "paused"))
                .when()
                .post(move)
                .then()
                .statusCode(409);
        as(coach)
                .header("If-Match", etag)
                .body(Map.of("status", "bogus"))
                .when()
                .post(move)
                .then()
                .statusCode(422);
        String moved = as(coach)
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
        as(coach).when().get("/v1/engagements/" + id).then().header("ETag", moved);
        as(coach)
                .body(contract(false, Map.of()))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(409);
        as(client)
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
        as(coach).when().get("/v1/engagements/" + id).then().statusCode(200);
        as(client).when().get("/v1/engagements/" + id).then().statusCode(200);
        // A supervisor reaches it only once the register says they supervise its coach.
        as(supervisor).when().get("/v1/engagements/" + id).then().statusCode(404);
        as(supervisor).when().get("/v1/engagements").then().body("items.id", not(hasItem(id)));
        Supervision.assign(tenant, coach.subject(), supervisor.subject());
        as(supervisor).when().get("/v1/engagements/" + id).then().statusCode(200);
        as(supervisor).when().get("/v1/engagements").then().body("items.id", hasItem(id));
        as(Tokens.anyone().tenant(tenant).roles("supervisor"))
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(404);
        as(otherCoach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(Tokens.anyone().tenant(tenant).roles("client"))
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(404);
        as(sponsor).when().get("/v1/engagements/" + id).then().statusCode(403);
        as(Tokens.anyone().tenant(tenant).roles("admin"))
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(403);
        as(stranger).when().get("/v1/engagements/" + id).then().statusCode(404);
        as(stranger).when().get("/v1/engagements/" + id + "/contracts").then().statusCode(404);
        as(client).when().get("/v1/engagements").then().body("items.id", hasItem(id));
        as(otherCoach).when().get("/v1/engagements").then().body("items.id", not(hasItem(id)));
        as(stranger).when().get("/v1/engagements").then().body("items", hasSize(0));
        as(client)
                .body(Map.of("clientSubject", "x", "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(403);
    }

    @Test
    void badInputIs422AndOpensNothing() {
        as(coach)
                .body(Map.of("clientSubject", "c", "pathway", "therapy"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("pathway"));
        as(coach)
                .body(Map.of("clientSubject", "c", "pathway", "coaching", "practitionerId", "someone-else"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        as(supervisor)
                .body(Map.of("clientSubject", "c", "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        as(supervisor)
                .body(Map.of("clientSubject", "c", "pathway", "coaching", "practitionerId", coach.subject()))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from engagement where tenant_id = ?", tenant));
    }

    @Test
    void theSameIntakeDecidedTwiceCreatesOneDraftEngagementAndTherapyNone() {
        String intake = UUID.randomUUID().toString();
        String payload = "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + client.subject()
                + "\",\"pathway\":\"coaching\"," + "\"recommendedPathway\":\"coaching\",\"practitionerId\":\""
                + coach.subject() + "\",\"sponsorOrganisation\":null}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.intake.intake.decided.v1", payload));
        Map<String, String> headers = Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                "org.praxis.intake.intake.decided.v1",
                "ce_source",
                "/intake-service",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
        TopicProbe.send("intake.events", intake, payload, headers);
        TopicProbe.send("intake.events", intake, payload, headers);
        // The same decision again under a new event id (a replayed outbox row): still one engagement.
        Map<String, String> replayed = new HashMap<>(headers);
        replayed.put("ce_id", UUID.randomUUID().toString());
        TopicProbe.send("intake.events", intake, payload, replayed);

        String therapy = UUID.randomUUID().toString();
        TopicProbe.send(
                "intake.events",
                therapy,
                payload.replace(intake, therapy).replace("\"pathway\":\"coaching\"", "\"pathway\":\"therapy\""),
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        "org.praxis.intake.intake.decided.v1",
                        "ce_source",
                        "/intake-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EmbeddedPostgres.shared()
                                .count(
                                        "select count(*) from inbox_event where consumer = 'session-intake-decided' and topic = 'intake.events'"
                                                + " and event_id in (?, ?)",
                                        replayed.get("ce_id"),
                                        headers.get("ce_id"))
                        == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> EmbeddedPostgres.shared()
                                .count("select count(*) from inbox_event where consumer = 'session-intake-decided'")
                        >= 3);

        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count("select count(*) from engagement where source_intake_id = ?::uuid", intake));
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from engagement where source_intake_id = ?::uuid", therapy));
        as(coach)
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
                + coach.subject() + "\"}";
        TopicProbe.send(
                "intake.events",
                intake,
                payload,
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        "org.praxis.intake.intake.decided.v1",
                        "ce_source",
                        "/intake-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
        var dead = TopicProbe.read(
                "intake.events.dlq", r -> intake.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from engagement where source_intake_id = ?::uuid", intake));
    }
}
