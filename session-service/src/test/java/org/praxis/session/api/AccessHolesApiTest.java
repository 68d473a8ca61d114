package org.praxis.session.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Issue 16, holes 3 (session part), 4 and 5: each of these failed before the access policies. */
@QuarkusTest
class AccessHolesApiTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens otherCoach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens client = Tokens.anyone().tenant(tenant).roles("client");
    private final Tokens otherClient = Tokens.anyone().tenant(tenant).roles("client");
    private final Tokens sponsor = Tokens.anyone().tenant(tenant).roles("sponsor");

    private static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    private String open(Tokens practitioner, Tokens client, String sponsorOrganisation) {
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("clientSubject", client.subject(), "pathway", "coaching"));
        if (sponsorOrganisation != null) {
            body.put("sponsorOrganisation", sponsorOrganisation);
        }
        return as(practitioner)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> party(String role, Tokens who, boolean required) {
        return Map.of("role", role, "subject", who.subject(), "required", required);
    }

    private String active(Tokens practitioner, Tokens client, boolean sponsored) {
        String id = open(practitioner, client, sponsored ? "acme-hr" : null);
        List<Map<String, Object>> parties =
                new ArrayList<>(List.of(party("client", client, true), party("coach", practitioner, true)));
        if (sponsored) {
            parties.add(party("sponsor", sponsor, true));
        }
        as(practitioner)
                .body(Map.of(
                        "purpose",
                        "Lead with less strain",
                        "goalsInScope",
                        "Delegation",
                        "disclosure",
                        Map.of("attendance", true),
                        "parties",
                        parties))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        List<Tokens> accepting = sponsored ? List.of(client, practitioner, sponsor) : List.of(client, practitioner);
        for (Tokens p : accepting) {
            as(p).when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    // Hole 3: a coach names only their own engagement's people.

    @Test
    void aCoachCannotOpenAnEngagementWithThemselvesAsTheClient() {
        as(coach)
                .body(Map.of("clientSubject", coach.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from engagement where tenant_id = ?", tenant));
    }

    @Test
    void contractPartiesNameOnlyTheEngagementsOwnPeople() {
        String id = open(coach, client, null);
        String contracts = "/v1/engagements/" + id + "/contracts";
        // Another coach slipped in as a party would then read the terms.
        as(coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(
                                party("client", client, true),
                                party("coach", coach, true),
                                party("coach", otherCoach, false))))
                .when()
                .post(contracts)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("parties"));
        // A second "client" who is not the engagement's client.
        as(coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(
                                party("client", client, true),
                                party("coach", coach, true),
                                party("client", otherClient, false))))
                .when()
                .post(contracts)
                .then()
                .statusCode(422);
        // A sponsor on an engagement that has no sponsor organisation.
        as(coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(
                                party("client", client, true),
                                party("coach", coach, true),
                                party("sponsor", sponsor, false))))
                .when()
                .post(contracts)
                .then()
                .statusCode(422);
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from contract where engagement_id = ?::uuid", id));
        as(coach)
                .body(Map.of(
                        "purpose", "x", "parties", List.of(party("client", client, true), party("coach", coach, true))))
                .when()
                .post(contracts)
                .then()
                .statusCode(201);
    }

    private void referralEvent(String payload) {
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send(
                "referral.events",
                UUID.randomUUID().toString(),
                payload,
                Map.of(
                        "ce_id",
                        eventId,
                        "ce_type",
                        "org.praxis.referral.referral.status-changed.v1",
                        "ce_source",
                        "/referral-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EmbeddedPostgres.shared()
                                .count(
                                        "select count(*) from inbox_event where consumer = 'session-referral-status' and event_id = ?",
                                        eventId)
                        == 1);
    }

    private static String referral(
            String engagement, String client, String practitioner, String createdBy, String origin) {
        return "{\"referralId\":\"" + UUID.randomUUID() + "\",\"engagementId\":\"" + engagement
                + "\",\"status\":\"accepted\","
                + "\"urgency\":\"soon\",\"serviceKind\":\"therapy\",\"clientSubject\":\"" + client
                + "\",\"practitionerId\":\""
                + practitioner + "\",\"createdBy\":\"" + createdBy + "\",\"origin\":\"" + origin + "\"}";
    }

    private String status(String id) {
        return as(coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void aReferralOfAnotherCoachNamingThisEngagementDoesNotPauseIt() {
        String id = active(coach, client, false);
        // Another coach's referral for their own client, linked to this engagement.
        referralEvent(referral(id, otherClient.subject(), otherCoach.subject(), otherCoach.subject(), "manual"));
        assertEquals("active", status(id));
        // Another coach's referral naming this engagement's client: still not from this engagement's practitioner.
        referralEvent(referral(id, client.subject(), otherCoach.subject(), otherCoach.subject(), "manual"));
        assertEquals("active", status(id));
        // A risk-originated referral for this client pauses it, as does the practitioner's own.
        referralEvent(referral(id, client.subject(), otherCoach.subject(), "system:referral-service", "risk-concern"));
        assertEquals("paused", status(id));
    }

    @Test
    void theEngagementsPractitionersReferralPausesIt() {
        String id = active(coach, client, false);
        referralEvent(referral(id, client.subject(), coach.subject(), coach.subject(), "manual"));
        assertEquals("paused", status(id));
    }

    @Test
    void aReferralBySupervisorOfThePractitionerPausesIt() {
        String id = active(coach, client, false);
        Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
        referralEvent(referral(id, client.subject(), coach.subject(), supervisor.subject(), "manual"));
        assertEquals("active", status(id));
        Supervision.assign(tenant, coach.subject(), supervisor.subject());
        referralEvent(referral(id, client.subject(), coach.subject(), supervisor.subject(), "manual"));
        assertEquals("paused", status(id));
    }

    // Hole 4: a sponsor reads the contract they are asked to accept, and only that.

    @Test
    void aSponsorPartyReadsTheContractVersionTheyAccept() {
        String id = open(coach, client, "acme-hr");
        as(coach)
                .body(Map.of(
                        "purpose",
                        "Lead with less strain",
                        "confidentialityTerms",
                        "Between us",
                        "disclosure",
                        Map.of("attendance", true, "sessionDates", false),
                        "parties",
                        List.of(
                                party("client", client, true),
                                party("coach", coach, true),
                                party("sponsor", sponsor, true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        Set<String> contractFields = Set.of(
                "id",
                "engagementId",
                "number",
                "purpose",
                "goalsInScope",
                "confidentialityTerms",
                "limitsOfConfidentiality",
                "reviewEveryWeeks",
                "sessionsPrepaid",
                "disclosure",
                "parties",
                "inForce",
                "createdAt");
        // Not before the client accepted it: nobody reads the terms of someone's coaching first.
        as(sponsor).when().get("/v1/engagements/" + id + "/contracts/1").then().statusCode(404);
        as(sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(404);
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        Map<String, Object> read = as(sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("purpose", is("Lead with less strain"))
                .body("disclosure.attendance", is(true))
                .body("disclosure.sessionDates", is(false))
                .extract()
                .as(Map.class);
        assertEquals(contractFields, read.keySet());
        Map<String, Object> accepted = as(sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertEquals(contractFields, accepted.keySet(), "the acceptance answers with the contract view only");

        // The versions list shows a party the versions naming them; others of the tenant nothing.
        as(sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(200)
                .body("items.number", is(List.of(1)));
        as(Tokens.anyone().tenant(tenant).roles("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(404);
        as(Tokens.anyone().tenant(tenant).roles("admin"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(403);
        as(otherCoach)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(coach).when().get("/v1/engagements/" + id + "/contracts/1").then().statusCode(200);
        // Nothing else of the engagement: not the engagement, its notes, sessions or goals.
        as(sponsor).when().get("/v1/engagements/" + id).then().statusCode(403);
        as(sponsor).when().get("/v1/engagements/" + id + "/notes").then().statusCode(403);
        as(sponsor).when().get("/v1/engagements/" + id + "/sessions").then().statusCode(403);
        as(sponsor).when().get("/v1/engagements/" + id + "/goals").then().statusCode(403);
        as(sponsor).when().get("/v1/engagements/" + id + "/reviews").then().statusCode(403);
        // A sponsor who is not a party, or of another tenant, does not learn the contract exists.
        as(Tokens.anyone().tenant(tenant).roles("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(Tokens.of(sponsor.subject()).tenant("other-" + tenant).roles("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
    }

    @Test
    void aSupervisorPreviewsTheSponsorReportOfTheirSuperviseesOnly() {
        String id = active(coach, client, true);
        Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
        as(supervisor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(404);
        Supervision.assign(tenant, coach.subject(), supervisor.subject());
        as(supervisor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(200)
                .body("attendance.held", is(0));
        as(sponsor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(200);
        as(coach).when().get("/v1/engagements/" + id + "/sponsor-report").then().statusCode(403);
        as(Tokens.anyone().tenant(tenant).roles("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(404);
    }

    // Hole 5: what a client sees of reviews and sessions.

    @Test
    void aClientSeesOfAReviewOnlyWhatIsSharedWithThem() {
        String id = active(coach, client, false);
        as(coach)
                .body(Map.of(
                        "kind",
                        "periodic",
                        "whatChanged",
                        "Client still avoids conflict with the manager",
                        "sharedSummary",
                        "You are sleeping better and speaking up more"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        as(coach)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body("items[0].whatChanged", is("Client still avoids conflict with the manager"))
                .body("items[0].sharedSummary", is("You are sleeping better and speaking up more"));
        as(client)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body("items[0]", not(hasKey("whatChanged")))
                .body("items[0].sharedSummary", is("You are sleeping better and speaking up more"))
                .body("items[0].kind", is("periodic"));
        as(otherClient).when().get("/v1/engagements/" + id + "/reviews").then().statusCode(404);
    }

    @Test
    void aClientListsTheirOwnSessionsDatesAndStatusOnly() {
        String id = active(coach, client, false);
        Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as(coach)
                .body(Map.of("scheduledAt", at.toString(), "durationMinutes", 50, "mode", "video"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(201);
        as(client)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].status", is("scheduled"))
                .body("items[0].scheduledAt", is(at.toString()))
                .body("items[0]", not(hasKey("notes")))
                .body("items[0].cancelledBy", nullValue());
        as(otherClient).when().get("/v1/engagements/" + id + "/sessions").then().statusCode(404);
        as(otherCoach).when().get("/v1/engagements/" + id + "/sessions").then().statusCode(404);
        as(Tokens.of(client.subject()).tenant("other-" + tenant).roles("client"))
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(404);
    }
}
