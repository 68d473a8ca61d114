package org.praxis.referral.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TopicProbe;

/** Issue 16, holes 1, 3 and 7 as referral-service sees them; each of these failed before the access policies. */
@QuarkusTest
class ReferralHolesTest {
    private final ReferralTenant t = new ReferralTenant();

    private Map<String, String> headers(String type, String source) {
        return TopicProbe.headers(type, source, t.id, Instant.now());
    }

    private String etag(String id) {
        return as(t.coach)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    /** Hole 1: the supervisor approved one set of terms; the coach edits them and sends without consent. */
    @Test
    void anApprovedExceptionIsVoidedByAnyChangeOfTheTermsAndCannotBeUsedToSendOthers() {
        String crisis = t.therapyService();
        String other = t.service(t.organisation("Elsewhere"), "Employer's counselling line", "counselling", true);
        String id = t.draft(crisis, "emergency", List.of("identity", "risk"));
        as(t.coach)
                .body(Map.of("justification", "Stated a plan to end their life tonight"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.supervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(200)
                .body("riskException.approvedBy", is(t.supervisor.subject()));

        // The attack: routine urgency, another service, full disclosure, then send without consent.
        Map<String, Object> changed =
                t.referralBody(other, "routine", List.of("identity", "contact", "reason", "risk"));
        as(t.coach)
                .header("If-Match", etag(id))
                .body(changed)
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("riskException", nullValue());
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(422);
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .body("status", is("draft"))
                .body("sentAt", nullValue());
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("void-risk-exception"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'void-risk-exception' and resource_id = ?",
                                t.id,
                                id));

        // Any single change voids it too: here only the disclosure widens, urgency and service stay.
        String second = t.draft(crisis, "emergency", List.of("identity"));
        as(t.coach)
                .body(Map.of("justification", "Immediate danger to the client"))
                .when()
                .post("/v1/referrals/" + second + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.supervisor, second)
                .when()
                .post("/v1/referrals/" + second + "/risk-exception/approval")
                .then()
                .statusCode(200);
        as(t.coach)
                .header("If-Match", etag(second))
                .body(t.referralBody(crisis, "emergency", List.of("identity", "contact")))
                .when()
                .put("/v1/referrals/" + second)
                .then()
                .statusCode(200)
                .body("riskException", nullValue());
        as(t.coach).when().post("/v1/referrals/" + second + "/sending").then().statusCode(422);
        // Re-saving the same terms changes nothing and keeps a fresh approval.
        as(t.coach)
                .body(Map.of("justification", "Immediate danger to the client, again"))
                .when()
                .post("/v1/referrals/" + second + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.coach, second)
                .when()
                .post("/v1/referrals/" + second + "/risk-exception/approval")
                .then()
                .statusCode(403);
        ReferralTenant.asApprover(t.supervisor, second)
                .when()
                .post("/v1/referrals/" + second + "/risk-exception/approval")
                .then()
                .statusCode(200)
                .body("riskException.approvedTerms.urgency", is("emergency"))
                .body("riskException.approvedTerms.disclose", contains("contact", "identity"));
        as(t.coach)
                .header("If-Match", etag(second))
                .body(t.referralBody(crisis, "emergency", List.of("identity", "contact")))
                .when()
                .put("/v1/referrals/" + second)
                .then()
                .statusCode(200)
                .body("riskException.approvedAt", notNullValue());
        as(t.coach)
                .when()
                .post("/v1/referrals/" + second + "/sending")
                .then()
                .statusCode(200)
                .body("sentUnderException", is(true))
                .body("disclose", contains("contact", "identity"));
    }

    /** Hole 1, the justification: a new request replaces the approved one and needs approving again. */
    @Test
    void aNewJustificationNeedsANewApprovalByAnotherSupervisor() {
        String crisis = t.therapyService();
        String id = t.draft(crisis, "emergency", List.of("identity"));
        as(t.supervisor)
                .body(Map.of("justification", "Immediate danger to the client"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.otherSupervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(200);
        as(t.supervisor)
                .body(Map.of("justification", "Something else entirely now"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200)
                .body("riskException.approvedAt", nullValue());
        as(t.supervisor).when().post("/v1/referrals/" + id + "/sending").then().statusCode(422);
        ReferralTenant.asApprover(t.supervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("approver"));
        ReferralTenant.asApprover(t.otherSupervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(200);
        as(t.supervisor).when().post("/v1/referrals/" + id + "/sending").then().statusCode(200);
    }

    private void engagement(String engagementId, String client, String practitioner, String status) {
        String type = "org.praxis.session.engagement.status-changed.v1";
        ObjectNode e = (ObjectNode) EventContracts.goldenExampleJson(type);
        e.put("engagementId", engagementId)
                .put("clientSubject", client)
                .put("practitionerId", practitioner)
                .put("previousStatus", "draft")
                .put("status", status);
        assertEquals(List.of(), EventContracts.violations(type, e.toString()));
        TopicProbe.send("session.events", engagementId, e.toString(), headers(type, "/session-service"));
    }

    private void supervises(String supervisor, String practitioner) {
        SupervisionEvents.assign(t.id, practitioner, supervisor);
    }

    private Map<String, Object> body(String service, String client, String engagement) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "clientSubject",
                client,
                "reasonCode",
                "depression",
                "urgency",
                "soon",
                "disclose",
                List.of("identity"),
                "serviceId",
                service));
        if (engagement != null) {
            body.put("engagementId", engagement);
        }
        return body;
    }

    /** Issue 22: an engagement in follow-up (after its end review) is still the coach's to name. */
    @Test
    void anEngagementInFollowUpIsStillTheCoachsToName() {
        String service = t.therapyService();
        String coach = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String inFollowUp = UUID.randomUUID().toString();
        engagement(inFollowUp, client, coach, "follow-up");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(t.person(coach, "coach"))
                                .body(body(service, client, inFollowUp))
                                .when()
                                .post("/v1/referrals")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);
    }

    /** Hole 3: a coach names only their own clients and engagements; a supervisor those of their supervisees. */
    @Test
    void coachesNameOnlyTheirOwnClientsAndEngagementsAndSupervisorsTheirSupervisees() {
        String service = t.therapyService();
        // Fresh people, known to referral-service only through session's and assessment's events.
        String coach = "coach-" + UUID.randomUUID();
        String otherCoach = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String otherClient = "client-" + UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        var asCoach = t.person(coach, "coach");
        var asSupervisor = t.person(supervisor, "supervisor");
        String mine = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        engagement(mine, client, coach, "active");
        engagement(theirs, otherClient, otherCoach, "active");
        supervises(supervisor, coach);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(asCoach)
                                .body(body(service, client, mine))
                                .when()
                                .post("/v1/referrals")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(asSupervisor)
                                .body(body(service, client, mine))
                                .when()
                                .post("/v1/referrals")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);

        // Another coach's engagement: refused, and nothing is published that would pause it.
        as(asCoach)
                .body(body(service, otherClient, theirs))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"));
        as(asCoach)
                .body(body(service, client, theirs))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"));
        as(asCoach)
                .body(body(service, otherClient, null))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        as(asCoach)
                .body(body(service, otherClient, mine))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        as(asCoach)
                .body(body(service, client, UUID.randomUUID().toString()))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"))
                .body("detail", notNullValue());
        as(asCoach)
                .body(body(service, client, null))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201);
        // A supervisor names their supervisees' clients and engagements, not anyone else's.
        as(asSupervisor)
                .body(body(service, otherClient, theirs))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"));
        Map<String, Object> forOther = body(service, client, mine);
        forOther.put("practitionerId", otherCoach);
        as(asSupervisor)
                .body(forOther)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        forOther.put("practitionerId", coach);
        as(asSupervisor)
                .body(forOther)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("practitionerId", is(coach));
        as(t.otherSupervisor)
                .body(body(service, client, mine))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422);
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral where tenant_id = ? and engagement_id = ?",
                                t.id,
                                UUID.fromString(theirs)));

        // Self-help offers likewise.
        String workbook = t.service(t.organisation("Library"), "Workbook", "self-help", true);
        as(asCoach)
                .body(Map.of("clientSubject", otherClient, "serviceId", workbook))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        as(asCoach)
                .body(Map.of("clientSubject", client, "serviceId", workbook))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201);
        as(asSupervisor)
                .body(Map.of("clientSubject", client, "serviceId", workbook))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201);
        as(t.otherSupervisor)
                .body(Map.of("clientSubject", client, "serviceId", workbook))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));

        // The supervisor moves on: the replica follows assessment's next event.
        String type = "org.praxis.assessment.practitioner.supervisor-changed.v1";
        TopicProbe.send(
                "assessment.events",
                coach,
                "{\"practitionerId\":\"" + coach + "\",\"supervisorId\":null}",
                headers(type, "/assessment-service"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(asSupervisor)
                                .body(body(service, client, mine))
                                .when()
                                .post("/v1/referrals")
                                .then()
                                .extract()
                                .statusCode()
                        == 422);
    }

    /**
     * Hole 3, the back door: a coach drafts an engagement naming someone else's client and closes it
     * before any contract is accepted. The client never agreed to anything, so they are not the coach's
     * to refer; nor may a supervisor put one supervisee in charge of another's client.
     */
    @Test
    void aNeverAcceptedEngagementAndAnotherSuperviseesClientGiveNoRightToName() {
        String service = t.therapyService();
        String coach = "coach-" + UUID.randomUUID();
        String coachB = "coach-" + UUID.randomUUID();
        String victim = "client-" + UUID.randomUUID();
        String clientOfB = "client-" + UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        var asCoach = t.person(coach, "coach");
        var asSupervisor = t.person(supervisor, "supervisor");
        String drafted = UUID.randomUUID().toString();
        String ofB = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        engagement(drafted, victim, coach, "closed"); // draft → closed: never accepted
        engagement(ofB, clientOfB, coachB, "active");
        supervises(supervisor, coach);
        supervises(supervisor, coachB);
        engagement(marker, "client-" + UUID.randomUUID(), coach, "active");
        // Once the marker engagement is usable, the events before it were applied too.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(asSupervisor)
                                .body(body(service, clientOfB, ofB))
                                .when()
                                .post("/v1/referrals")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);

        as(asCoach)
                .body(body(service, victim, drafted))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"));
        as(asCoach)
                .body(body(service, victim, null))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        as(asCoach)
                .body(Map.of(
                        "clientSubject",
                        victim,
                        "serviceId",
                        t.service(t.organisation("Library"), "Workbook", "self-help", true)))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));

        Map<String, Object> crossed = body(service, clientOfB, ofB);
        crossed.put("practitionerId", coach);
        as(asSupervisor)
                .body(crossed)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"));
        Map<String, Object> crossedClient = body(service, clientOfB, null);
        crossedClient.put("practitionerId", coach);
        as(asSupervisor)
                .body(crossedClient)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        Map<String, Object> right = body(service, clientOfB, ofB);
        right.put("practitionerId", coachB);
        as(asSupervisor)
                .body(right)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .body("practitionerId", is(coachB));
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral where tenant_id = ? and client_subject = ?",
                                t.id,
                                victim));
    }

    /** Hole 7: a self-harm answer on an intake without a client account still opens exactly one urgent draft. */
    @Test
    void aRiskFlagWithoutAClientSubjectOpensOneUrgentDraftKnownByItsIntake() throws Exception {
        String type = "org.praxis.intake.risk-flag.raised.v1";
        ObjectNode flag = (ObjectNode) EventContracts.goldenExampleJson(type);
        String intake = UUID.randomUUID().toString();
        flag.put("riskFlagId", UUID.randomUUID().toString())
                .put("intakeId", intake)
                .putNull("clientSubject")
                .put("assignedCoach", t.coach.subject());
        assertEquals(List.of(), EventContracts.violations(type, flag.toString()));
        Map<String, String> h = headers(type, "/intake-service");
        TopicProbe.send("intake.events", intake, flag.toString(), h);
        TopicProbe.send("intake.events", intake, flag.toString(), h);
        TopicProbe.send("intake.events", intake, flag.toString(), headers(type, "/intake-service"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> EmbeddedPostgres.shared()
                                .count(
                                        "select count(*) from referral where tenant_id = ? and intake_id = ?",
                                        t.id,
                                        UUID.fromString(intake))
                        >= 1);
        Thread.sleep(2000);
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral where tenant_id = ? and intake_id = ?",
                                t.id,
                                UUID.fromString(intake)));
        String id = as(t.supervisor)
                .when()
                .get("/v1/referrals?origin=risk-flag&status=draft")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].urgency", is("urgent"))
                .body("items[0].intakeId", is(intake))
                .body("items[0].clientSubject", nullValue())
                .extract()
                .path("items[0].id");
        as(t.supervisor)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("clientSubject", nullValue());
        as(t.coach).when().get("/v1/referrals/" + id).then().statusCode(200);
        as(t.otherCoach).when().get("/v1/referrals/" + id).then().statusCode(404);
        as(t.client).when().get("/v1/me/referrals").then().statusCode(200).body("items", hasSize(0));
        // Nobody can be asked for consent yet: the person has no account.
        String service = t.therapyService();
        Map<String, Object> terms = t.referralBody(service, "urgent", List.of("identity"));
        as(t.coach)
                .header("If-Match", etag(id))
                .body(terms)
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/consent-request")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"))
                .body("detail", containsString("account"));
        // Under the serious-risk exception it can still go, with the FHIR view coping with no subject.
        terms.put("urgency", "emergency");
        terms.put("reasonCode", "safety-concern");
        as(t.coach)
                .header("If-Match", etag(id))
                .body(terms)
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("justification", "Self-harm thoughts, no account to ask"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.supervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(200);
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(200);
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/fhir")
                .then()
                .statusCode(200)
                .body("identifier[0].value", is(id))
                .body("contained[0].identifier[0].value", is(intake));

        // Once the intake is decided for a known person, the draft names them.
        String decidedType = "org.praxis.intake.intake.decided.v1";
        ObjectNode decided = (ObjectNode) EventContracts.goldenExampleJson(decidedType);
        decided.put("intakeId", intake)
                .put("clientSubject", t.client.subject())
                .put("practitionerId", t.coach.subject());
        assertEquals(List.of(), EventContracts.violations(decidedType, decided.toString()));
        TopicProbe.send("intake.events", intake, decided.toString(), headers(decidedType, "/intake-service"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> t.client
                        .subject()
                        .equals(as(t.supervisor)
                                .when()
                                .get("/v1/referrals/" + id)
                                .then()
                                .extract()
                                .path("clientSubject")));
        as(t.client).when().get("/v1/me/referrals/" + id).then().statusCode(200).body("sentUnderException", is(true));
    }
}
