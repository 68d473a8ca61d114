package org.praxis.session.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.MonitoredEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/** referral.status-changed and eligibility.changed as session-service applies them. */
@QuarkusTest
class SessionConsumersTest {
    private final TestTenant t = new TestTenant();

    private String active(String pathway) {
        return active(pathway, null);
    }

    private String active(String pathway, Map<String, String> besideTherapy) {
        String id = draft(pathway, besideTherapy);
        accept(id);
        return id;
    }

    /** An engagement whose first contract waits for both parties' acceptance. */
    private String draft(String pathway, Map<String, String> besideTherapy) {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", pathway))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> terms = new java.util.HashMap<>(Map.of(
                "purpose",
                "Work",
                "parties",
                List.of(
                        Map.of("role", "client", "subject", t.client.subject(), "required", true),
                        Map.of("role", "coach", "subject", t.coach.subject(), "required", true))));
        if (besideTherapy != null) {
            terms.put("besideTherapy", besideTherapy);
        }
        as(t.coach)
                .body(terms)
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        return id;
    }

    private void accept(String id) {
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
    }

    private void referral(String engagement, String referral, String status) {
        String payload = "{\"referralId\":\"" + referral + "\",\"engagementId\":\"" + engagement + "\",\"status\":\""
                + status
                + "\",\"urgency\":\"soon\",\"serviceKind\":\"therapy\",\"clientSubject\":\"" + t.client.subject()
                + "\",\"practitionerId\":\"" + t.coach.subject() + "\",\"createdBy\":\"" + t.coach.subject()
                + "\",\"origin\":\"manual\"}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.referral.referral.status-changed.v1", payload));
        TopicProbe.sendEvent(
                "referral.events",
                "org.praxis.referral.referral.status-changed.v1",
                "/referral-service",
                t.id,
                referral,
                payload);
    }

    private void awaitCurrentReferral(String id, String referral) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> referral.equals(as(t.coach)
                        .when()
                        .get("/v1/engagements/" + id)
                        .then()
                        .extract()
                        .path("currentReferral")));
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(as(t.coach)
                        .when()
                        .get("/v1/engagements/" + id)
                        .then()
                        .extract()
                        .path("status")));
    }

    @Test
    void anAcceptedTherapyReferralPausesCoachingUntilItEnds() {
        String id = active("coaching");
        String ref = UUID.randomUUID().toString();
        referral(id, ref, "sent");
        referral(id, ref, "accepted");
        awaitStatus(id, "paused");
        as(t.coach).when().get("/v1/engagements/" + id).then().body("currentReferral", org.hamcrest.Matchers.is(ref));
        // Not resumed by hand while the client is in therapy.
        String etag =
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "active"))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(409);
        referral(id, UUID.randomUUID().toString(), "completed"); // another referral's end changes nothing
        referral(id, ref, "completed");
        awaitStatus(id, "active");
    }

    @Test
    void aTherapyReferralAcceptedWhileTheContractIsPendingPausesTheEngagementFromItsActivation() {
        String id = draft("coaching", null);
        String ref = UUID.randomUUID().toString();
        referral(id, ref, "accepted");
        awaitCurrentReferral(id, ref);
        as(t.coach).when().get("/v1/engagements/" + id).then().body("status", org.hamcrest.Matchers.is("draft"));
        accept(id);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", org.hamcrest.Matchers.is("paused"))
                .body("activatedAt", org.hamcrest.Matchers.notNullValue());
        // Activated, then paused: intake-service follows the engagement from its activation as usual.
        String moves = "select count(*) from outbox_event where aggregate_id = ?"
                + " and event_type = 'org.praxis.session.engagement.status-changed.v1'";
        assertEquals(2, EmbeddedPostgres.shared().count(moves, id));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                moves + " and payload->>'previousStatus' = 'active' and payload->>'status' = 'paused'"
                                        + " and seq > (select seq from outbox_event where aggregate_id = ?"
                                        + " and payload->>'previousStatus' = 'draft'"
                                        + " and payload->>'status' = 'active')",
                                id,
                                id));
        referral(id, ref, "completed");
        awaitStatus(id, "active");
    }

    @Test
    void anAcceptedReferralNeitherPausesNorLaterResumesCoachingThatRunsBesideTherapy() {
        String id = active(
                "coaching", Map.of("boundaries", "Work goals only", "otherProfessional", "Counsellor at the clinic"));
        String ref = UUID.randomUUID().toString();
        referral(id, ref, "accepted");
        awaitCurrentReferral(id, ref);
        assertEquals(
                "active",
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().path("status"));

        // A pause someone asked for meanwhile (the client, say) outlasts the therapy: its end resumes nothing.
        String etag =
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("status", "paused"))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(200);
        referral(id, ref, "completed");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(t.coach)
                                .when()
                                .get("/v1/engagements/" + id)
                                .then()
                                .extract()
                                .path("currentReferral")
                        == null);
        as(t.coach).when().get("/v1/engagements/" + id).then().body("status", org.hamcrest.Matchers.is("paused"));
    }

    /**
     * intake-service decided integrated work with what it knew then: a practitioner who is not (or no longer)
     * eligible gets the draft, but its contract is not agreed until they are (or a supervisor hands it over).
     */
    @Test
    void anIntegratedDraftFromADecisionIsNotAgreedWithAnIneligiblePractitioner() {
        String id = MonitoredEngagements.decided(t, UUID.randomUUID().toString(), "integrated");
        as(t.coach)
                .body(MonitoredEngagements.terms(t, t.client, "Integrated work"))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        // The client reads no pathway: they learn only that it cannot be accepted now.
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsStringIgnoringCase("integrated")))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("eligib")));
        assertEquals(
                "draft",
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().path("status"));
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from contract_party where accepted_at is not null"
                                        + " and contract_id in (select id from contract where engagement_id = ?::uuid)",
                                id));
    }

    @Test
    void integratedPractiseNeedsEligibilityFromAssessmentService() {
        Map<String, String> body = Map.of("clientSubject", t.client.subject(), "pathway", "integrated");
        as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        TopicProbe.sendEvent(
                "assessment.events",
                "org.praxis.assessment.eligibility.changed.v1",
                "/assessment-service",
                t.id,
                t.coach.subject(),
                "{\"practitionerId\":\"" + t.coach.subject()
                        + "\",\"eligibilities\":[\"core-coaching\",\"integrated-practice\"]}");
        EmbeddedPostgres.shared()
                .awaitCount(
                        2,
                        "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                        t.id,
                        t.coach.subject());
        String id = as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // An accepted referral runs alongside integrated work instead of pausing it.
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Integrated work",
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true))))
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
                .statusCode(200);
        String ref = UUID.randomUUID().toString();
        referral(id, ref, "accepted");
        awaitCurrentReferral(id, ref);
        assertEquals(
                "active",
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().path("status"));
    }
}
