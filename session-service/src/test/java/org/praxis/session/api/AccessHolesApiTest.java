package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Issue 16, holes 3 (session part), 4 and 5: each of these failed before the access policies. */
@QuarkusTest
class AccessHolesApiTest {
    private final TestTenant t = new TestTenant();

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
            parties.add(party("sponsor", t.sponsor, true));
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
        List<Tokens> accepting = sponsored ? List.of(client, practitioner, t.sponsor) : List.of(client, practitioner);
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
        as(t.coach)
                .body(Map.of("clientSubject", t.coach.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from engagement where tenant_id = ?", t.id));
    }

    @Test
    void contractPartiesNameOnlyTheEngagementsOwnPeople() {
        String id = open(t.coach, t.client, null);
        String contracts = "/v1/engagements/" + id + "/contracts";
        // Another coach slipped in as a party would then read the terms.
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(
                                party("client", t.client, true),
                                party("coach", t.coach, true),
                                party("coach", t.otherCoach, false))))
                .when()
                .post(contracts)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("parties"));
        // A second "client" who is not the engagement's client.
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(
                                party("client", t.client, true),
                                party("coach", t.coach, true),
                                party("client", t.otherClient, false))))
                .when()
                .post(contracts)
                .then()
                .statusCode(422);
        // A sponsor on an engagement that has no sponsor organisation.
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(
                                party("client", t.client, true),
                                party("coach", t.coach, true),
                                party("sponsor", t.sponsor, false))))
                .when()
                .post(contracts)
                .then()
                .statusCode(422);
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from contract where engagement_id = ?::uuid", id));
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "x",
                        "parties",
                        List.of(party("client", t.client, true), party("coach", t.coach, true))))
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
                        t.id,
                        "ce_time",
                        Instant.now().toString()));
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from inbox_event where consumer = 'session-referral-status' and event_id = ?",
                        eventId);
    }

    private static String referral(
            String engagement, String client, String practitioner, String createdBy, String origin) {
        return referral(UUID.randomUUID().toString(), "accepted", engagement, client, practitioner, createdBy, origin);
    }

    private static String referral(
            String id,
            String status,
            String engagement,
            String client,
            String practitioner,
            String createdBy,
            String origin) {
        return "{\"referralId\":\"" + id + "\",\"engagementId\":\"" + engagement
                + "\",\"status\":\"" + status + "\","
                + "\"urgency\":\"soon\",\"serviceKind\":\"therapy\",\"clientSubject\":\"" + client
                + "\",\"practitionerId\":\""
                + practitioner + "\",\"createdBy\":\"" + createdBy + "\",\"origin\":\"" + origin + "\"}";
    }

    private String status(String id) {
        return status(t.coach, id);
    }

    /** The engagement's status as {@code who} reads it. */
    private static String status(Tokens who, String id) {
        return as(who).when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void aReferralOfAnotherCoachNamingThisEngagementDoesNotPauseIt() {
        String id = active(t.coach, t.client, false);
        // Another coach's referral for their own client, linked to this engagement.
        referralEvent(referral(id, t.otherClient.subject(), t.otherCoach.subject(), t.otherCoach.subject(), "manual"));
        assertEquals("active", status(id));
        // Another coach's referral naming this engagement's client: still not from this engagement's practitioner.
        referralEvent(referral(id, t.client.subject(), t.otherCoach.subject(), t.otherCoach.subject(), "manual"));
        assertEquals("active", status(id));
        // A risk-originated referral for this client pauses it, as does the practitioner's own.
        referralEvent(
                referral(id, t.client.subject(), t.otherCoach.subject(), "system:referral-service", "risk-concern"));
        assertEquals("paused", status(id));
    }

    @Test
    void theEngagementsPractitionersReferralPausesIt() {
        String id = active(t.coach, t.client, false);
        referralEvent(referral(id, t.client.subject(), t.coach.subject(), t.coach.subject(), "manual"));
        assertEquals("paused", status(id));
    }

    @Test
    void aReferralBySupervisorOfThePractitionerPausesIt() {
        String id = active(t.coach, t.client, false);
        Tokens supervisor = t.user("supervisor");
        referralEvent(referral(id, t.client.subject(), t.coach.subject(), supervisor.subject(), "manual"));
        assertEquals("active", status(id));
        SupervisionEvents.assign(t.id, t.coach.subject(), supervisor.subject());
        referralEvent(referral(id, t.client.subject(), t.coach.subject(), supervisor.subject(), "manual"));
        assertEquals("paused", status(id));
    }

    @Test
    void aSupervisorsReferralResumesTheEngagementWhenItEndsAfterTheCoachChangedSupervisor() {
        String id = active(t.coach, t.client, false);
        Tokens supervisor = t.user("supervisor");
        SupervisionEvents.assign(t.id, t.coach.subject(), supervisor.subject());
        String therapy = UUID.randomUUID().toString();
        String client = t.client.subject();
        referralEvent(referral(therapy, "accepted", id, client, t.coach.subject(), supervisor.subject(), "manual"));
        assertEquals("paused", status(id));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.user("supervisor").subject());
        referralEvent(referral(therapy, "completed", id, client, t.coach.subject(), supervisor.subject(), "manual"));
        assertEquals("active", status(id), "else it stays paused, and resuming by hand is refused");
    }

    @Test
    void theTherapyTheFormerPractitionerReferredToResumesTheEngagementWhenItEnds() {
        String id = active(t.coach, t.client, false);
        String therapy = UUID.randomUUID().toString();
        String client = t.client.subject();
        referralEvent(referral(therapy, "accepted", id, client, t.coach.subject(), t.coach.subject(), "manual"));
        assertEquals("paused", status(id));
        String handover = as(t.coach)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("toPractitionerId", t.otherCoach.subject(), "reason", "scope"))
                .when()
                .post("/v1/engagements/" + id + "/handovers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.otherCoach)
                .header("If-Match", "\"0\"")
                .when()
                .post("/v1/engagements/" + id + "/handovers/" + handover + "/acceptance")
                .then()
                .statusCode(200);
        // The referral the first coach made, now followed by the new one (or read before referral-service moved it).
        referralEvent(referral(therapy, "completed", id, client, t.coach.subject(), t.coach.subject(), "manual"));
        assertEquals("active", status(t.otherCoach, id));
        // A coach who never had the engagement still moves nothing.
        referralEvent(
                referral(id, client, t.user("coach").subject(), t.user("coach").subject(), "manual"));
        assertEquals("active", status(t.otherCoach, id));
    }

    // Hole 4: a sponsor reads the contract they are asked to accept, and only that.

    @Test
    void aSponsorPartyReadsTheContractVersionTheyAccept() {
        String id = open(t.coach, t.client, "acme-hr");
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Lead with less strain",
                        "confidentialityTerms",
                        "Between us",
                        "disclosure",
                        Map.of("attendance", true, "sessionDates", false),
                        "parties",
                        List.of(
                                party("client", t.client, true),
                                party("coach", t.coach, true),
                                party("sponsor", t.sponsor, true))))
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
                "createdAt",
                "besideTherapy",
                // The package and payment terms are terms the sponsor accepts as a party (issue 22).
                "packageChange",
                "pricePerSession",
                "lateCancellationFee",
                "lateCancellationHours");
        // Not before the client accepted it: nobody reads the terms of someone's coaching first.
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(t.sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(404);
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        Map<String, Object> read = as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("purpose", is("Lead with less strain"))
                .body("disclosure.attendance", is(true))
                .body("disclosure.sessionDates", is(false))
                .body("disclosure.aggregateOutcomes", is(false)) // a term left out is not disclosed
                .extract()
                .as(Map.class);
        assertEquals(contractFields, read.keySet());
        Map<String, Object> accepted = as(t.sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        assertEquals(contractFields, accepted.keySet(), "the acceptance answers with the contract view only");

        // The versions list shows a party the versions naming them; others of the tenant nothing.
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(200)
                .body("items.number", is(List.of(1)));
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(404);
        as(t.user("admin"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(403);
        as(t.otherCoach)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(t.coach).when().get("/v1/engagements/" + id + "/contracts/1").then().statusCode(200);
        // Nothing else of the engagement: not the engagement, its notes, sessions or goals.
        as(t.sponsor).when().get("/v1/engagements/" + id).then().statusCode(403);
        as(t.sponsor).when().get("/v1/engagements/" + id + "/notes").then().statusCode(403);
        as(t.sponsor).when().get("/v1/engagements/" + id + "/sessions").then().statusCode(403);
        as(t.sponsor).when().get("/v1/engagements/" + id + "/goals").then().statusCode(403);
        as(t.sponsor).when().get("/v1/engagements/" + id + "/reviews").then().statusCode(403);
        // A sponsor who is not a party, or of another tenant, does not learn the contract exists.
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(Tokens.of(t.sponsor.subject()).tenant("other-" + t.id).roles("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
    }

    @Test
    void aSupervisorPreviewsTheSponsorReportOfTheirSuperviseesOnly() {
        String id = active(t.coach, t.client, true);
        Tokens supervisor = t.user("supervisor");
        as(supervisor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(404);
        SupervisionEvents.assign(t.id, t.coach.subject(), supervisor.subject());
        as(supervisor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(200)
                .body("attendance.held", is(0));
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(403);
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/sponsor-report")
                .then()
                .statusCode(404);
    }

    // Hole 5: what a client sees of reviews and sessions.

    @Test
    void aClientSeesOfAReviewOnlyWhatIsSharedWithThem() {
        String id = active(t.coach, t.client, false);
        as(t.coach)
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
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body("items[0].whatChanged", is("Client still avoids conflict with the manager"))
                .body("items[0].sharedSummary", is("You are sleeping better and speaking up more"));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(200)
                .body("items[0]", not(hasKey("whatChanged")))
                .body("items[0].sharedSummary", is("You are sleeping better and speaking up more"))
                .body("items[0].kind", is("periodic"));
        as(t.otherClient)
                .when()
                .get("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(404);
    }

    @Test
    void aClientListsTheirOwnSessionsDatesAndStatusOnly() {
        String id = active(t.coach, t.client, false);
        Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as(t.coach)
                .body(Map.of("scheduledAt", at.toString(), "durationMinutes", 50, "mode", "video"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(201);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(200)
                .body("items[0].status", is("scheduled"))
                .body("items[0].scheduledAt", is(at.toString()))
                .body("items[0]", not(hasKey("notes")))
                .body("items[0].cancelledBy", nullValue());
        as(t.otherClient)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(404);
        as(t.otherCoach)
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(404);
        as(Tokens.of(t.client.subject()).tenant("other-" + t.id).roles("client"))
                .when()
                .get("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(404);
    }
}
