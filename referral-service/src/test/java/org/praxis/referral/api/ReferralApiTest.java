package org.praxis.referral.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** A referral's life through the API: consent, the serious-risk exception, the closed loop, who may do what. */
@QuarkusTest
class ReferralApiTest {
    private final ReferralTenant t = new ReferralTenant();

    private String status(String id) {
        return as(t.supervisor)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    private int audited(String action, String id) {
        return (int) EmbeddedPostgres.shared()
                .count(
                        "select count(*) from audit_event where tenant_id = ? and action = ? and resource_id = ?",
                        t.id,
                        action,
                        id);
    }

    @Test
    void withTheClientsConsentAReferralIsSentAndEveryStepPublished() {
        String service = t.therapyService();
        String id = t.draft(service, "soon", List.of("identity", "contact", "reason"));
        as(t.client)
                .when()
                .get("/v1/me/referrals/" + id)
                .then()
                .statusCode(404); // a draft is not shown to the client yet
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/consent-request")
                .then()
                .statusCode(200)
                .body("status", is("awaiting-consent"))
                .body("consent.decision", is("pending"));

        as(t.client)
                .when()
                .get("/v1/me/referrals")
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].service.name", is("Adult talking therapy"))
                .body("items[0].proposedDisclosure", contains("contact", "identity", "reason"));
        as(t.client)
                .body(Map.of("agree", true, "shares", List.of("identity", "diagnosis")))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("shares"));
        as(t.client)
                .body(Map.of("agree", true, "shares", List.of("identity", "reason"), "words", "Only my name and why"))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(200)
                .body("consent.decision", is("agreed"));
        as(t.client)
                .body(Map.of("agree", false))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(409);

        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/sending")
                .then()
                .statusCode(200)
                .body("status", is("sent"))
                .body("sentUnderException", is(false))
                .body("sentAt", notNullValue());
        assertEquals(1, audited("send-with-consent", id));
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(409);
        as(t.client)
                .when()
                .post("/v1/me/referrals/" + id + "/consent/withdrawal")
                .then()
                .statusCode(409);

        List<ConsumerRecord<String, String>> events = TopicProbe.read(
                "referral.events", r -> id.equals(r.key()), found -> found.size() >= 3, Duration.ofSeconds(30));
        assertEquals(
                List.of("draft", "awaiting-consent", "sent"),
                events.stream()
                        .map(r -> r.value().replaceAll(".*\"status\": ?\"([a-z-]+)\".*", "$1"))
                        .toList());
        for (ConsumerRecord<String, String> r : events) {
            assertEquals("org.praxis.referral.referral.status-changed.v1", TopicProbe.header(r, "ce_type"));
            assertEquals(List.of(), EventContracts.violations(TopicProbe.header(r, "ce_type"), r.value()));
            assertFalse(r.value().contains("Low mood"), "no reason text in events: " + r.value());
        }

        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.action", contains("send-with-consent", "consent-given", "ask-consent", "create"))
                .body("items[2].actor", is(t.coach.subject()))
                .body("items[1].actor", is(t.client.subject()));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/consents")
                .then()
                .statusCode(200)
                .body("items[0].clientWords", is("Only my name and why"));
    }

    @Test
    void withoutConsentNothingIsSent() {
        String service = t.therapyService();
        String id = t.draft(service, "urgent", List.of("identity"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/sending")
                .then()
                .statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("consent"));
        assertEquals("draft", status(id));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/consent-request")
                .then()
                .statusCode(200);
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(422);
        assertEquals("awaiting-consent", status(id));

        // The client refuses: the referral ends there.
        as(t.client)
                .body(Map.of("agree", false, "words", "Not now"))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"))
                .body("consent.decision", is("refused"));
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(409);
        assertEquals(0, audited("send-with-consent", id) + audited("send-under-risk-exception", id));

        // Agreeing and then withdrawing before it is sent also ends it.
        String second = t.consented(service, List.of("identity"), List.of("identity"));
        as(t.client)
                .body(Map.of("reason", "Changed my mind"))
                .when()
                .post("/v1/me/referrals/" + second + "/consent/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"))
                .body("consent.decision", is("withdrawn"));
        as(t.coach).when().post("/v1/referrals/" + second + "/sending").then().statusCode(409);

        // A referral needs a service that takes referrals, chosen before the client is asked.
        String noService = t.draft(null, "soon", List.of());
        as(t.coach)
                .when()
                .post("/v1/referrals/" + noService + "/consent-request")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("serviceId"));
        String closed = t.service(t.organisation("Full Clinic"), "Full list", "therapy", false);
        String toClosed = t.consented(closed, List.of(), List.of());
        as(t.coach).when().post("/v1/referrals/" + toClosed + "/sending").then().statusCode(422);
    }

    /**
     * The client is asked knowing what would be sent about them; their answer is part of the referral as read, so
     * a copy cached before it is not answered 304.
     */
    @Test
    void theClientIsAskedKnowingWhatIsSentAndTheirAnswerMovesTheReferralsETag() {
        String id = t.draft(t.therapyService(), "soon", List.of("identity"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/consent-request")
                .then()
                .statusCode(200);
        String coachs =
                as(t.coach).when().get("/v1/referrals/" + id).then().extract().header("ETag");
        // Asked, the client sees what would be sent about them, as the coach wrote it down.
        String clients = as(t.client)
                .when()
                .get("/v1/me/referrals/" + id)
                .then()
                .statusCode(200)
                .body("clientName", is("Alex Example"))
                .body("clientContact", is("alex@example.org"))
                .body("proposedDisclosure", contains("identity"))
                .extract()
                .header("ETag");
        assertEquals(1, audited("read-as-client", id)); // it shows what would be shared, risk level included
        as(t.client)
                .body(Map.of("agree", true, "shares", List.of("identity"), "words", "Yes please"))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(200);
        as(t.coach)
                .header("If-None-Match", coachs)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(coachs));
        as(t.client)
                .header("If-None-Match", clients)
                .when()
                .get("/v1/me/referrals/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void theSeriousRiskExceptionNeedsAnEmergencyAJustificationAndAnotherSupervisorsApproval() {
        String service = t.therapyService();
        String id = t.draft(service, "urgent", List.of("identity", "contact", "risk"));
        as(t.coach)
                .body(Map.of("justification", "Stated a plan to end their life tonight"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("urgency"));

        // An emergency about grief is no serious risk of harm: consent still decides.
        Map<String, Object> emergency = t.referralBody(service, "emergency", List.of("identity", "contact", "risk"));
        emergency.remove("clientSubject");
        Map<String, Object> grief = new java.util.HashMap<>(emergency);
        grief.put("reasonCode", "grief");
        as(t.coach)
                .header(
                        "If-Match",
                        as(t.coach)
                                .when()
                                .get("/v1/referrals/" + id)
                                .then()
                                .extract()
                                .header("ETag"))
                .body(grief)
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("justification", "Stated a plan to end their life tonight"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reasonCode"));

        String etag =
                as(t.coach).when().get("/v1/referrals/" + id).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(emergency)
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("urgency", is("emergency"));
        as(t.coach)
                .body(Map.of("justification", ""))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("justification", "Stated a plan to end their life tonight"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200)
                .body("riskException.requestedBy", is(t.coach.subject()))
                .body("riskException.approvedAt", nullValue());
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(422); // requested, not approved
        ReferralTenant.asApprover(t.coach, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(403);

        // The approval names the version the supervisor read: none, or one the terms moved on from, approves nothing.
        String read = as(t.supervisor)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .extract()
                .header("ETag");
        as(t.supervisor)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as(t.coach)
                .header("If-Match", read)
                .body(Map.of("justification", "Stated a plan to end their life tonight, and has the means"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200);
        as(t.supervisor)
                .header("If-Match", read)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(412);
        as(t.supervisor).when().get("/v1/referrals/" + id).then().body("riskException.approvedAt", nullValue());
        ReferralTenant.asApprover(t.supervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(200)
                .body("riskException.approvedBy", is(t.supervisor.subject()));
        ReferralTenant.asApprover(t.supervisor, id)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(409);
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/sending")
                .then()
                .statusCode(200)
                .body("status", is("sent"))
                .body("sentUnderException", is(true));
        assertEquals(2, audited("request-risk-exception", id)); // the justification given again, above
        assertEquals(1, audited("approve-risk-exception", id));
        assertEquals(1, audited("send-under-risk-exception", id));
        // The client learns of it afterwards.
        as(t.client).when().get("/v1/me/referrals/" + id).then().statusCode(200).body("sentUnderException", is(true));

        // A supervisor cannot approve the exception they asked for themselves.
        String own = t.draft(service, "emergency", List.of("identity"));
        as(t.supervisor)
                .body(Map.of("justification", "Immediate danger to the client"))
                .when()
                .post("/v1/referrals/" + own + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.supervisor, own)
                .when()
                .post("/v1/referrals/" + own + "/risk-exception/approval")
                .then()
                .statusCode(422);
        ReferralTenant.asApprover(t.otherSupervisor, own)
                .when()
                .post("/v1/referrals/" + own + "/risk-exception/approval")
                .then()
                .statusCode(200);
    }

    @Test
    void theLoopClosesWithTheRecipientsAnswerAndInvalidMovesAreRefused() {
        String service = t.therapyService();
        String id = t.draft(service, "soon", List.of("identity"));
        as(t.coach)
                .body(Map.of("outcome", "accepted"))
                .when()
                .post("/v1/referrals/" + id + "/answer")
                .then()
                .statusCode(409);
        as(t.coach)
                .body(Map.of("at", "2026-12-01T10:00:00Z"))
                .when()
                .post("/v1/referrals/" + id + "/first-appointment")
                .then()
                .statusCode(409);

        String sent = t.sent(service);
        as(t.coach)
                .body(Map.of("outcome", "completed"))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(409);
        as(t.coach)
                .body(Map.of("outcome", "maybe"))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("outcome", "declined"))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + sent + "/consent-request")
                .then()
                .statusCode(409);
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("outcome", "accepted"))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(412);
        assertEquals("sent", status(sent));

        as(t.coach)
                .body(Map.of("outcome", "accepted"))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(200)
                .body("status", is("accepted"))
                .body("answeredAt", notNullValue());
        // A first appointment follows the sending, within two years; anything else is refused and changes nothing.
        as(t.coach)
                .body(Map.of("at", "+1000000-01-01T00:00:00Z"))
                .when()
                .post("/v1/referrals/" + sent + "/first-appointment")
                .then()
                .statusCode(400); // beyond the calendar (platform/web/CalendarDates)
        for (String implausible : List.of("2001-01-01T10:00:00Z", "9999-01-01T00:00:00Z")) {
            as(t.coach)
                    .body(Map.of("at", implausible))
                    .when()
                    .post("/v1/referrals/" + sent + "/first-appointment")
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("at"));
        }
        String appointment = java.time.Instant.now()
                .plus(java.time.Duration.ofDays(9))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        as(t.coach)
                .body(Map.of("at", appointment))
                .when()
                .post("/v1/referrals/" + sent + "/first-appointment")
                .then()
                .statusCode(200)
                .body("firstAppointmentAt", is(appointment));
        as(t.supervisor)
                .body(Map.of("outcome", "completed"))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(200)
                .body("status", is("completed"))
                .body("completedAt", notNullValue());
        as(t.coach)
                .body(Map.of("reason", "no longer needed"))
                .when()
                .post("/v1/referrals/" + sent + "/cancellation")
                .then()
                .statusCode(409);
        String etag =
                as(t.coach).when().get("/v1/referrals/" + sent).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(t.referralBody(service, "soon", List.of()))
                .when()
                .put("/v1/referrals/" + sent)
                .then()
                .statusCode(409);

        String declined = t.sent(service);
        as(t.coach)
                .body(Map.of("outcome", "declined", "reason", "Outside their catchment"))
                .when()
                .post("/v1/referrals/" + declined + "/answer")
                .then()
                .statusCode(200)
                .body("declineReason", is("Outside their catchment"));
        as(t.coach)
                .body(Map.of("outcome", "accepted"))
                .when()
                .post("/v1/referrals/" + declined + "/answer")
                .then()
                .statusCode(409);

        String cancelled = t.draft(service, "routine", List.of());
        as(t.coach)
                .body(Map.of())
                .when()
                .post("/v1/referrals/" + cancelled + "/cancellation")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("reason", "Client chose self-help first"))
                .when()
                .post("/v1/referrals/" + cancelled + "/cancellation")
                .then()
                .statusCode(200)
                .body("status", is("cancelled"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + cancelled + "/consent-request")
                .then()
                .statusCode(409);
        // Cancelled before anyone asked the client: it stays the practitioners' work (its reason text about them
        // too), in the list as in a single read; one they were asked about stays theirs to see.
        as(t.client).when().get("/v1/me/referrals/" + cancelled).then().statusCode(404);
        as(t.client).when().get("/v1/me/referrals").then().statusCode(200).body("items.id", not(hasItem(cancelled)));
        String askedThenCancelled = t.draft(service, "routine", List.of());
        as(t.coach)
                .when()
                .post("/v1/referrals/" + askedThenCancelled + "/consent-request")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("reason", "Client chose self-help first"))
                .when()
                .post("/v1/referrals/" + askedThenCancelled + "/cancellation")
                .then()
                .statusCode(200);
        // The question lapsed with the referral; the client did not withdraw anything.
        as(t.client)
                .when()
                .get("/v1/me/referrals/" + askedThenCancelled)
                .then()
                .statusCode(200)
                .body("consent.decision", is("lapsed"))
                .body("consent.withdrawnAt", nullValue());
        as(t.client).when().get("/v1/me/referrals").then().body("items.id", hasItem(askedThenCancelled));
        // An agreement given for a referral cancelled before it was sent lapses too: it sends nothing, ever.
        String agreedThenCancelled = t.consented(service, List.of("identity"), List.of("identity"));
        as(t.coach)
                .body(Map.of("reason", "The client found a therapist privately"))
                .when()
                .post("/v1/referrals/" + agreedThenCancelled + "/cancellation")
                .then()
                .statusCode(200);
        as(t.client)
                .when()
                .get("/v1/me/referrals/" + agreedThenCancelled)
                .then()
                .body("consent.decision", is("lapsed"))
                .body("consent.lapsedAt", notNullValue());
    }

    /** DESIGN: under the serious-risk exception the referral may go without consent; the client's no is recorded. */
    @Test
    void aRefusalDoesNotEndAReferralTheSeriousRiskExceptionWasAskedFor() {
        String service = t.therapyService();
        for (String no : List.of("refuse", "withdraw")) {
            String id = t.draft(service, "emergency", List.of("identity", "risk"));
            as(t.coach)
                    .when()
                    .post("/v1/referrals/" + id + "/consent-request")
                    .then()
                    .statusCode(200);
            t.exceptionApproved(id, "Stated a plan to end their life tonight");
            if (no.equals("refuse")) {
                as(t.client)
                        .body(Map.of("agree", false))
                        .when()
                        .post("/v1/me/referrals/" + id + "/consent")
                        .then()
                        .statusCode(200)
                        .body("status", is("awaiting-consent"));
            } else {
                as(t.client)
                        .body(Map.of("agree", true, "shares", List.of("identity")))
                        .when()
                        .post("/v1/me/referrals/" + id + "/consent")
                        .then()
                        .statusCode(200);
                as(t.client)
                        .body(Map.of("reason", "I changed my mind"))
                        .when()
                        .post("/v1/me/referrals/" + id + "/consent/withdrawal")
                        .then()
                        .statusCode(200)
                        .body("status", is("awaiting-consent"));
            }
            as(t.coach)
                    .when()
                    .post("/v1/referrals/" + id + "/sending")
                    .then()
                    .statusCode(200)
                    .body("sentUnderException", is(true));
        }
        // Without the exception asked for, a refusal ends it as before.
        String plain = t.draft(service, "soon", List.of("identity"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + plain + "/consent-request")
                .then()
                .statusCode(200);
        as(t.client)
                .body(Map.of("agree", false))
                .when()
                .post("/v1/me/referrals/" + plain + "/consent")
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"));
    }

    @Test
    void changingTermsAfterTheClientWasAskedSendsItBackToDraft() {
        String service = t.therapyService();
        String id = t.consented(service, List.of("identity"), List.of("identity"));
        as(t.coach)
                .body(t.referralBody(service, "soon", List.of("identity", "reason")))
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(428);
        String etag =
                as(t.coach).when().get("/v1/referrals/" + id).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", "\"999\"")
                .body(t.referralBody(service, "soon", List.of("identity", "reason")))
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(412);
        as(t.coach)
                .header("If-Match", etag)
                .body(t.referralBody(service, "soon", List.of("identity", "reason")))
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", is("draft"))
                .body("consent", nullValue());
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(422);
        as(t.coach)
                .header("If-Match", etag)
                .body(t.referralBody(service, "whenever", List.of("dna")))
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(412);
        String fresh =
                as(t.coach).when().get("/v1/referrals/" + id).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", fresh)
                .body(t.referralBody(service, "whenever", List.of("dna")))
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("urgency", "disclose"));
        as(t.coach).when().get("/v1/referrals/" + id).then().header("ETag", fresh);
    }

    @Test
    void overdueListsSentReferralsWithoutAnAnswerPastTheTenantsDeadline() throws Exception {
        String service = t.therapyService();
        String waiting = t.sent(service);
        String answered = t.sent(service);
        as(t.coach)
                .body(Map.of("outcome", "accepted"))
                .when()
                .post("/v1/referrals/" + answered + "/answer")
                .then()
                .statusCode(200);
        t.draft(service, "soon", List.of());
        as(t.supervisor)
                .when()
                .get("/v1/referrals?overdue=true")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        String etag = as(t.admin)
                .when()
                .get("/v1/referral-deadlines")
                .then()
                .statusCode(200)
                .body("defaults", is(true))
                .body("emergency", is("PT4H"))
                .body("routine", is("PT504H"))
                .extract()
                .header("ETag");
        Map<String, String> quick = Map.of("emergency", "PT1S", "urgent", "PT1S", "soon", "PT1S", "routine", "PT1S");
        as(t.admin).body(quick).when().put("/v1/referral-deadlines").then().statusCode(428);
        as(t.supervisor)
                .header("If-Match", etag)
                .body(quick)
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(403);
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("emergency", "P3D", "urgent", "P2D", "soon", "soon", "routine", "P21D"))
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("soon"));
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("emergency", "P3D", "urgent", "P2D", "soon", "P7D", "routine", "P21D"))
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(422)
                .body("errors.field", contains("urgent"));
        as(t.admin)
                .header("If-Match", etag)
                .body(quick)
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(200)
                .body("defaults", is(false))
                .body("revision", is(1));
        as(t.admin)
                .header("If-Match", etag)
                .body(quick)
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(412);

        Thread.sleep(1500);
        as(t.supervisor)
                .when()
                .get("/v1/referrals?overdue=true")
                .then()
                .statusCode(200)
                .body("items.id", contains(waiting))
                .body("items[0].overdue", is(true));
        as(t.coach).when().get("/v1/referrals?overdue=true").then().body("items.id", contains(waiting));
        as(t.otherCoach).when().get("/v1/referrals?overdue=true").then().body("items", hasSize(0));
        // Another tenant keeps the default deadlines and does not see this tenant's referrals.
        ReferralTenant other = new ReferralTenant();
        as(other.supervisor).when().get("/v1/referrals?overdue=true").then().body("items", hasSize(0));
        as(other.admin).when().get("/v1/referral-deadlines").then().body("defaults", is(true));
    }

    @Test
    void eachRoleReachesOnlyWhatItMayAndAnotherTenantNothing() {
        String service = t.therapyService();
        String id = t.sent(service);
        String path = "/v1/referrals/" + id;
        ReferralTenant other = new ReferralTenant();

        as(t.coach).when().get(path).then().statusCode(200).body("clientName", is("Alex Example"));
        as(t.supervisor).when().get(path).then().statusCode(200);
        as(t.otherCoach).when().get(path).then().statusCode(404);
        as(t.otherCoach).when().get("/v1/referrals").then().statusCode(200).body("items", hasSize(0));
        as(t.otherCoach)
                .body(Map.of("outcome", "accepted"))
                .when()
                .post(path + "/answer")
                .then()
                .statusCode(404);
        for (Tokens denied : List.of(t.client, t.sponsor, t.admin)) {
            as(denied).when().get(path).then().statusCode(403);
            as(denied).when().get("/v1/referrals").then().statusCode(403);
            as(denied)
                    .body(t.referralBody(service, "soon", List.of()))
                    .when()
                    .post("/v1/referrals")
                    .then()
                    .statusCode(403);
            as(denied).when().get(path + "/fhir").then().statusCode(403);
            as(denied).when().get(path + "/history").then().statusCode(403);
            as(denied).when().post(path + "/consent-request").then().statusCode(403);
            as(denied).when().post(path + "/sending").then().statusCode(403);
            as(denied)
                    .body(Map.of("outcome", "accepted"))
                    .when()
                    .post(path + "/answer")
                    .then()
                    .statusCode(403);
            as(denied)
                    .body(Map.of("reason", "x"))
                    .when()
                    .post(path + "/cancellation")
                    .then()
                    .statusCode(403);
            as(denied)
                    .body(Map.of("justification", "serious risk now"))
                    .when()
                    .post(path + "/risk-exception")
                    .then()
                    .statusCode(403);
            as(denied).when().post(path + "/risk-exception/approval").then().statusCode(403);
        }
        as(t.client).when().get("/v1/referral-deadlines").then().statusCode(403);
        as(t.sponsor).when().get("/v1/referral-deadlines").then().statusCode(403);
        as(t.coach).when().get("/v1/referral-deadlines").then().statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/me/referrals/" + id + "/consent/withdrawal")
                .then()
                .statusCode(403);
        as(other.coach).when().get(path + "/history").then().statusCode(404);
        as(t.sponsor).when().get("/v1/me/referrals").then().statusCode(403);
        as(t.otherClient).when().get("/v1/me/referrals/" + id).then().statusCode(404);
        as(t.otherClient).when().get("/v1/me/referrals").then().statusCode(200).body("items", hasSize(0));

        // A coach refers only as themselves; a supervisor may name the coach responsible.
        Map<String, Object> forOther = t.referralBody(service, "soon", List.of());
        forOther.put("practitionerId", t.otherCoach.subject());
        as(t.coach)
                .body(forOther)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        String assigned = as(t.supervisor)
                .body(forOther)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.otherCoach).when().get("/v1/referrals/" + assigned).then().statusCode(200);

        as(other.supervisor).when().get(path).then().statusCode(404);
        as(other.supervisor).when().get(path + "/fhir").then().statusCode(404);
        as(other.supervisor)
                .body(Map.of("outcome", "accepted"))
                .when()
                .post(path + "/answer")
                .then()
                .statusCode(404);
        Tokens sameSubjectOtherTenant =
                Tokens.of(t.client.subject()).tenant(other.id).roles("client");
        as(sameSubjectOtherTenant).when().get("/v1/me/referrals/" + id).then().statusCode(404);
        // A service of another tenant's directory cannot be referred to.
        as(other.coach)
                .body(other.referralBody(service, "soon", List.of()))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("serviceId"));
        assertEquals("sent", status(id));
    }

    @Test
    void listsFilterAndPageAndReadsAreAuditedAndCached() {
        String service = t.therapyService();
        String a = t.draft(service, "soon", List.of());
        String b = t.draft(service, "emergency", List.of());
        String c = t.sent(service);
        as(t.coach)
                .when()
                .get("/v1/referrals?limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.id", contains(c, b))
                .body("nextCursor", notNullValue())
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("reasonText")));
        String cursor =
                as(t.coach).when().get("/v1/referrals?limit=2").then().extract().path("nextCursor");
        as(t.coach)
                .when()
                .get("/v1/referrals?limit=2&cursor=" + cursor)
                .then()
                .body("items.id", contains(a))
                .body("nextCursor", nullValue());
        as(t.coach).when().get("/v1/referrals?urgency=emergency").then().body("items.id", contains(b));
        as(t.coach).when().get("/v1/referrals?status=sent").then().body("items.id", contains(c));
        as(t.coach).when().get("/v1/referrals?status=nonsense").then().statusCode(400);
        // A page of referrals shows their risk levels: listing is audited as reading risk data is, with its filters
        // (never the person's id).
        long before = EmbeddedPostgres.shared()
                .count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'list'"
                                + " and resource_type = 'referral' and actor = ?",
                        t.id,
                        t.coach.subject());
        as(t.coach)
                .when()
                .get("/v1/referrals?urgency=emergency&clientSubject=" + t.client.subject())
                .then()
                .statusCode(200);
        assertEquals(
                before + 1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'list'"
                                        + " and resource_type = 'referral' and actor = ?",
                                t.id,
                                t.coach.subject()));
        as(t.admin)
                .when()
                .get("/v1/audit-events?resourceType=referral&limit=100")
                .then()
                .statusCode(200)
                .body("items.reason", hasItem("urgency=emergency clientSubject"));
        as(t.coach)
                .when()
                .get("/v1/referrals?clientSubject=" + t.otherClient.subject())
                .then()
                .body("items", hasSize(0));

        String etag = as(t.coach)
                .when()
                .get("/v1/referrals/" + a)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(t.coach)
                .header("If-None-Match", etag)
                .when()
                .get("/v1/referrals/" + a)
                .then()
                .statusCode(304);
        // Every read of a referral in full is audited, the conditional one included.
        assertEquals(2, audited("read", a));

        as(t.coach)
                .header("Idempotency-Key", "k-" + a)
                .body(t.referralBody(service, "soon", List.of()))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201);
        as(t.coach)
                .header("Idempotency-Key", "k-" + a)
                .body(t.referralBody(service, "soon", List.of()))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201);
        as(t.coach).when().get("/v1/referrals").then().body("items", hasSize(4));
        as(t.coach)
                .body("{\"clientSubject\": ")
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(400);
        as(t.coach)
                .body(Map.of("clientSubject", "x", "urgency", "soon"))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reasonCode"));
        as(t.coach).when().get("/v1/referrals").then().body("items", hasSize(4));
    }
}
