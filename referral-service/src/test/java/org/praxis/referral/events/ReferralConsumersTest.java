package org.praxis.referral.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;
import static org.praxis.testsupport.TestTenant.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TopicProbe;

/** Risk events open one urgent draft each; an erasure request is applied once and confirmed. */
@QuarkusTest
class ReferralConsumersTest {
    private final ReferralTenant t = new ReferralTenant();

    private Map<String, String> headers(String type, String source) {
        return TopicProbe.headers(type, source, t.id, Instant.now());
    }

    private int drafts(String origin) {
        return (int) EmbeddedPostgres.shared()
                .count("select count(*) from referral where tenant_id = ? and origin = ?", t.id, origin);
    }

    @Test
    void aRiskFlagRaisedTwiceOpensOneUrgentDraftForTheSupervisorsQueue() throws Exception {
        String type = "org.praxis.intake.risk-flag.raised.v1";
        ObjectNode flag = (ObjectNode) EventContracts.goldenExampleJson(type);
        String flagId = UUID.randomUUID().toString();
        flag.put("riskFlagId", flagId).put("clientSubject", t.client.subject()).put("assignedCoach", t.coach.subject());
        assertEquals(List.of(), EventContracts.violations(type, flag.toString()));
        Map<String, String> once = headers(type, "/intake-service");
        TopicProbe.send("intake.events", flag.get("intakeId").asText(), flag.toString(), once);
        TopicProbe.send("intake.events", flag.get("intakeId").asText(), flag.toString(), once); // redelivered
        TopicProbe.send(
                "intake.events",
                flag.get("intakeId").asText(),
                flag.toString(),
                headers(type, "/intake-service")); // republished

        await().atMost(Duration.ofSeconds(30)).until(() -> drafts("risk-flag") >= 1);
        Thread.sleep(3000); // give the duplicates their chance to make a second draft
        assertEquals(1, drafts("risk-flag"));

        as(t.supervisor)
                .when()
                .get("/v1/referrals?status=draft&origin=risk-flag")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].urgency", is("urgent"))
                .body("items[0].riskLevel", is("serious"))
                .body("items[0].intakeId", is(flag.get("intakeId").asText()))
                .body("items[0].reasonCode", is("safety-concern"));
        as(t.coach).when().get("/v1/referrals?origin=risk-flag").then().body("items", hasSize(1));
        as(t.otherCoach).when().get("/v1/referrals?origin=risk-flag").then().body("items", hasSize(0));
        as(t.client)
                .when()
                .get("/v1/me/referrals")
                .then()
                .body("items", hasSize(0)); // a draft, not yet discussed with them
        as(new ReferralTenant().supervisor)
                .when()
                .get("/v1/referrals?origin=risk-flag")
                .then()
                .body("items", hasSize(0));

        String draft = as(t.supervisor)
                .when()
                .get("/v1/referrals?origin=risk-flag")
                .then()
                .extract()
                .path("items[0].id");
        var published = TopicProbe.read(
                "referral.events", r -> draft.equals(r.key()), f -> f.size() >= 1, Duration.ofSeconds(20));
        assertEquals(1, published.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.referral.referral.status-changed.v1",
                        published.get(0).value()));
    }

    @Test
    void aRiskNotedInASessionOpensADraftLinkedToTheEngagement() {
        String type = "org.praxis.session.risk.noted.v1";
        ObjectNode noted = (ObjectNode) EventContracts.goldenExampleJson(type);
        String engagement = UUID.randomUUID().toString();
        noted.put("riskConcernId", UUID.randomUUID().toString())
                .put("engagementId", engagement)
                .put("clientSubject", t.client.subject())
                .put("practitionerId", t.coach.subject());
        assertEquals(List.of(), EventContracts.violations(type, noted.toString()));
        Map<String, String> h = headers(type, "/session-service");
        TopicProbe.send("session.events", engagement, noted.toString(), h);
        TopicProbe.send("session.events", engagement, noted.toString(), h);
        await().atMost(Duration.ofSeconds(30)).until(() -> drafts("risk-concern") == 1);
        as(t.coach)
                .when()
                .get("/v1/referrals?origin=risk-concern")
                .then()
                .body("items[0].engagementId", is(engagement))
                .body("items[0].urgency", is("urgent"));
    }

    /** Issue 22: an intake decided for therapy leads to a referral its practitioner completes; coaching may follow it. */
    @Test
    void anIntakeDecidedForTherapyOpensOneDraftForItsPractitioner() {
        String type = "org.praxis.intake.intake.decided.v1";
        String intake = UUID.randomUUID().toString();
        ObjectNode decided = (ObjectNode) EventContracts.goldenExampleJson(type);
        decided.put("intakeId", intake)
                .put("clientSubject", t.client.subject())
                .put("practitionerId", t.coach.subject())
                .put("pathway", "therapy")
                .put("recommendedPathway", "therapy");
        assertEquals(List.of(), EventContracts.violations(type, decided.toString()));
        ObjectNode coaching = decided.deepCopy();
        coaching.put("intakeId", UUID.randomUUID().toString()).put("pathway", "coaching");
        ObjectNode later = decided.deepCopy();
        later.put("intakeId", UUID.randomUUID().toString());
        // One key, one partition: read in this order, so once the later decision's draft exists every
        // event before it (the coaching decision, the duplicates) has been handled.
        Map<String, String> once = headers(type, "/intake-service");
        TopicProbe.send("intake.events", intake, coaching.toString(), headers(type, "/intake-service"));
        TopicProbe.send("intake.events", intake, decided.toString(), once);
        TopicProbe.send("intake.events", intake, decided.toString(), once); // redelivered
        TopicProbe.send("intake.events", intake, decided.toString(), headers(type, "/intake-service")); // republished
        TopicProbe.send("intake.events", intake, later.toString(), headers(type, "/intake-service"));
        await().atMost(Duration.ofSeconds(30)).until(() -> drafts("intake-decision") >= 2);
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral where tenant_id = ? and origin = ? and intake_id = cast(? as uuid)",
                                t.id,
                                "intake-decision",
                                intake),
                "one draft for the therapy decision, however often it arrives");
        assertEquals(2, drafts("intake-decision"), "none for the coaching decision");

        String draft = as(t.coach)
                .when()
                .get("/v1/referrals?status=draft&origin=intake-decision&clientSubject=" + t.client.subject())
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.urgency", contains("soon", "soon"))
                .body("items.reasonCode", contains("beyond-coaching-scope", "beyond-coaching-scope"))
                .extract()
                .path("items.find { it.intakeId == '" + intake + "' }.id");
        as(t.otherCoach).when().get("/v1/referrals/" + draft).then().statusCode(404);
        as(new ReferralTenant().supervisor)
                .when()
                .get("/v1/referrals/" + draft)
                .then()
                .statusCode(404);
        as(t.client).when().get("/v1/me/referrals").then().body("items", hasSize(0)); // not yet discussed

        // The practitioner chooses the service and asks the client, as for any draft.
        String service = t.service(t.organisation("Talking Therapies"), "Adult therapy", "therapy", true);
        String etag = as(t.coach)
                .when()
                .get("/v1/referrals/" + draft)
                .then()
                .extract()
                .header("ETag");
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of(
                        "serviceId", service, "reasonCode", "depression", "urgency", "soon", "disclose", List.of()))
                .when()
                .put("/v1/referrals/" + draft)
                .then()
                .statusCode(200)
                .body("serviceKind", is("therapy"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + draft + "/consent-request")
                .then()
                .statusCode(200);
        as(t.client).when().get("/v1/me/referrals").then().body("items", hasSize(1));
        as(t.otherCoach)
                .when()
                .get("/v1/referrals?origin=intake-decision")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void referralsNotSentYetAreCancelledAtTheClientsErasureSoNothingOfTheirsIsSentAfter() {
        String service = t.therapyService();
        String agreed = t.consented(service, List.of("identity"), List.of("identity"));
        String drafted = t.draft(service, "soon", List.of("identity"));
        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "referral.events")
                        .size());
        for (String id : List.of(agreed, drafted)) {
            as(t.coach).when().get("/v1/referrals/" + id).then().statusCode(200).body("status", is("cancelled"));
        }
        // The consent the client gave before their erasure does not send their referral after it.
        as(t.coach).when().post("/v1/referrals/" + agreed + "/sending").then().statusCode(409);
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral_step where tenant_id = ? and action = 'cancel-at-erasure'",
                                t.id));
        // The cancellations are published like any, naming the pseudonym: the erased id comes back nowhere.
        assertEquals(Map.of(), EmbeddedPostgres.shared().columnsHolding(t.client.subject()));
    }

    @Test
    void erasureForgetsThePersonKeepsExceptionJustificationsUnderAPseudonymAndConfirmsOnce() {
        String service = t.therapyService();
        String consented = t.sent(service);
        String emergency = t.draft(service, "emergency", List.of("identity"));
        as(t.coach)
                .body(Map.of("justification", "Imminent danger to the client"))
                .when()
                .post("/v1/referrals/" + emergency + "/risk-exception")
                .then()
                .statusCode(200);
        ReferralTenant.asApprover(t.supervisor, emergency)
                .when()
                .post("/v1/referrals/" + emergency + "/risk-exception/approval")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/referrals/" + emergency + "/sending")
                .then()
                .statusCode(200);
        String org = t.organisation("Library");
        as(t.coach)
                .body(Map.of(
                        "clientSubject",
                        t.client.subject(),
                        "serviceId",
                        t.service(org, "Workbook", "self-help", true),
                        "note",
                        "For the evenings"))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201);

        String request = t.exportRequest(t.client.subject());
        export(t.admin, t.client.subject(), request)
                .statusCode(200)
                .body("referrals", hasSize(2))
                .body("selfHelp", hasSize(1))
                .body("consents", hasSize(1))
                .body(
                        "referrals.reasonText",
                        contains("Low mood for months, beyond coaching", "Low mood for months, beyond coaching"));
        export(t.coach, t.client.subject(), request).statusCode(403);
        export(t.supervisor, t.client.subject(), request).statusCode(403);
        ReferralTenant other = new ReferralTenant();
        export(other.admin, t.client.subject(), request).statusCode(404); // another tenant's request is not found
        export(other.admin, t.client.subject(), other.exportRequest(t.client.subject()))
                .statusCode(200)
                .body("referrals", hasSize(0));

        var confirmations = ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "referral.events");
        assertEquals(1, confirmations.size());
        String confirmation = confirmations.get(0).value();
        assertEquals(List.of(), EventContracts.violations("org.praxis.referral.subject.erased.v1", confirmation));
        assertTrue(
                confirmation.matches(".*\"referrals\": ?2.*")
                        && confirmation.matches(".*\"exceptionRecordsRetained\": ?1.*"),
                confirmation);

        // The request made before names the pseudonym now; an export after the erasure takes a new one.
        export(t.admin, t.client.subject(), request).statusCode(422);
        export(t.admin, t.client.subject(), t.exportRequest(t.client.subject()))
                .statusCode(200)
                .body("referrals", hasSize(0))
                .body("selfHelp", hasSize(0));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + consented)
                .then()
                .statusCode(200)
                .body("clientName", nullValue())
                .body("reasonText", nullValue())
                .body("clientSubject", startsWith("erased-"))
                .body("consent.clientWords", nullValue());
        as(t.coach)
                .when()
                .get("/v1/referrals/" + emergency)
                .then()
                .body("riskException.justification", is("Imminent danger to the client"));
        as(t.client).when().get("/v1/me/referrals").then().body("items", hasSize(0));
    }

    /**
     * intake-service read the erasure request after referral-service did, and meanwhile raised a risk flag
     * about the client (their real id): that flag is their erased past. It waits until intake-service's
     * confirmation is read here, then opens nothing; a flag intake-service raises after it erased them (the
     * client came back) opens a draft as any flag does.
     */
    @Test
    void aRiskFlagSentBetweenTheRequestAndTheSourcesErasureOpensNothingOnceTheSourceConfirms() {
        String type = "org.praxis.intake.risk-flag.raised.v1";
        var erased = ErasureRequests.erase(t.id, t.client.subject(), "referral.events");
        assertEquals(1, erased.size());
        String request = erased.get(0).key();
        ObjectNode flag = (ObjectNode) EventContracts.goldenExampleJson(type);
        flag.put("riskFlagId", UUID.randomUUID().toString())
                .put("intakeId", UUID.randomUUID().toString())
                .put("clientSubject", t.client.subject())
                .put("assignedCoach", t.coach.subject());
        Map<String, String> inFlight = headers(type, "/intake-service");
        TopicProbe.send("intake.events", flag.get("intakeId").asText(), flag.toString(), inFlight);
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        db.awaitCount(
                1,
                "select count(*) from parked_event where event_id = ? and waiting_for = 'erasure-by:/intake-service'",
                inFlight.get("ce_id"));
        assertEquals(0, drafts("risk-flag"), "neither applied nor dropped while intake-service has not erased");

        TopicProbe.sendEvent(
                "intake.events",
                "org.praxis.intake.subject.erased.v1",
                "/intake-service",
                t.id,
                request,
                "{\"requestId\":\"" + request + "\",\"service\":\"intake-service\",\"intakes\":1}");
        db.awaitCount(
                1,
                "select count(*) from inbox_event where event_id = ? and outcome = 'erased-subject'",
                inFlight.get("ce_id"));
        assertEquals(0, db.count("select count(*) from parked_event where event_id = ?", inFlight.get("ce_id")));
        assertEquals(0, drafts("risk-flag"));
        assertEquals(Map.of(), db.columnsHolding(t.client.subject()), "the erased id came back nowhere");

        // The client came back: intake-service's flag from after its erasure is their new activity.
        flag.put("riskFlagId", UUID.randomUUID().toString())
                .put("intakeId", UUID.randomUUID().toString());
        TopicProbe.send(
                "intake.events", flag.get("intakeId").asText(), flag.toString(), headers(type, "/intake-service"));
        await().atMost(Duration.ofSeconds(30)).until(() -> drafts("risk-flag") == 1);
    }
}
