package org.praxis.systemtests;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TopicProbe;

/** DESIGN.md's seven flows, end to end through the public APIs of the four running services. */
@Order(1)
class CrossServiceFlowsTest extends SystemTest {

    private List<Map<String, Object>> referrals(String query) {
        return as(supervisor, REFERRAL)
                .when()
                .get("/v1/referrals?" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    @Test
    void flow1_aSelfHarmAnswerOpensAnUrgentDraftReferralInTheSupervisorsQueue() {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(1, 1, 0, 0, 0, 0, 0, 0, 1))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201)
                .body("riskFlags", nullValue()) // a client reads the flag's wording, never its code
                .body("wording.riskFlags", hasSize(1));
        eventually(() -> referrals("status=draft&origin=risk-flag").size() == 1);
        Map<String, Object> draft = referrals("status=draft&origin=risk-flag").get(0);
        assertEquals("urgent", draft.get("urgency"));
        assertEquals(intake, draft.get("intakeId"));
        assertEquals(client.subject(), draft.get("clientSubject"));
    }

    @Test
    void flow2_anIntakeDecidedForCoachingBecomesADraftEngagement() {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(0, 1, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        as(coach, INTAKE)
                .body(Map.of("pathway", "coaching", "practitionerId", coach.subject()))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        eventually(() -> as(coach, SESSION)
                        .when()
                        .get("/v1/engagements")
                        .then()
                        .extract()
                        .<List<?>>path("items")
                        .size()
                == 1);
        as(coach, SESSION)
                .when()
                .get("/v1/engagements")
                .then()
                .body("items[0].status", is("draft"))
                .body("items[0].sourceIntakeId", is(intake))
                .body("items[0].clientSubject", is(client.subject()))
                .body("items[0].practitionerId", is(coach.subject()));
    }

    @Test
    void flow3_aRiskConcernInASessionOpensAnUrgentDraftReferral() {
        String engagement = activeEngagement("coaching");
        as(coach, SESSION)
                .body(Map.of("level", "serious"))
                .when()
                .post("/v1/engagements/" + engagement + "/risk-concerns")
                .then()
                .statusCode(201);
        eventually(() -> referrals("origin=risk-concern").size() == 1);
        Map<String, Object> draft = referrals("origin=risk-concern").get(0);
        assertEquals(engagement, draft.get("engagementId"));
        assertEquals("urgent", draft.get("urgency"));
        assertEquals(coach.subject(), draft.get("practitionerId"));
    }

    /** The coach refers the client from the engagement; the client consents; it is sent and accepted. */
    private String acceptedReferral(String engagement) {
        String service = therapyService();
        Map<String, Object> proposal = Map.of(
                "clientSubject",
                client.subject(),
                "engagementId",
                engagement,
                "serviceId",
                service,
                "reasonCode",
                "depression",
                "urgency",
                "soon",
                "disclose",
                List.of("identity"));
        // referral-service names only engagements it has heard of (engagement.status-changed): wait for it.
        java.util.concurrent.atomic.AtomicReference<String> created =
                new java.util.concurrent.atomic.AtomicReference<>();
        eventually(() -> {
            var answer = as(coach, REFERRAL)
                    .body(proposal)
                    .when()
                    .post("/v1/referrals")
                    .then()
                    .extract();
            created.set(answer.statusCode() == 201 ? answer.path("id") : null);
            return created.get() != null;
        });
        String referral = created.get();
        consentedSentAndAnswered(referral, "accepted");
        return referral;
    }

    @Test
    void flow4_anAcceptedTherapyReferralPausesCoachingAndItsCompletionResumesIt() {
        String engagement = activeEngagement("coaching");
        String referral = acceptedReferral(engagement);
        eventually(() -> "paused"
                .equals(as(coach, SESSION)
                        .when()
                        .get("/v1/engagements/" + engagement)
                        .then()
                        .extract()
                        .path("status")));
        as(coach, SESSION).when().get("/v1/engagements/" + engagement).then().body("currentReferral", is(referral));
        as(coach, REFERRAL)
                .body(Map.of("outcome", "completed"))
                .when()
                .post("/v1/referrals/" + referral + "/answer")
                .then()
                .statusCode(200);
        eventually(() -> "active"
                .equals(as(coach, SESSION)
                        .when()
                        .get("/v1/engagements/" + engagement)
                        .then()
                        .extract()
                        .path("status")));
    }

    @Test
    void flow5_heldSessionsAddTheirDurationsToPracticeHours() {
        as(coach, ASSESSMENT)
                .body(Map.of("displayName", "Casey Coach"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        String engagement = activeEngagement("coaching");
        int total = 0;
        for (int minutes : List.of(60, 45)) {
            String session = as(coach, SESSION)
                    .body(Map.of(
                            "scheduledAt",
                            Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                            "durationMinutes",
                            minutes,
                            "mode",
                            "video"))
                    .when()
                    .post("/v1/engagements/" + engagement + "/sessions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(coach, SESSION)
                    .body(Map.of("status", "held", "scaling", 6))
                    .when()
                    .post("/v1/engagements/" + engagement + "/sessions/" + session + "/outcome")
                    .then()
                    .statusCode(200);
            total += minutes;
        }
        int expected = total;
        eventually(() -> practiceMinutes() == expected);
        assertEquals(
                2,
                as(coach, ASSESSMENT)
                        .when()
                        .get("/v1/practitioners/" + coach.subject() + "/evidence?kind=practice-hours")
                        .then()
                        .extract()
                        .<List<?>>path("items")
                        .size());
    }

    private int practiceMinutes() {
        List<Integer> minutes = as(coach, ASSESSMENT)
                .when()
                .get("/v1/practitioners/" + coach.subject() + "/evidence?kind=practice-hours")
                .then()
                .statusCode(200)
                .extract()
                .path("items.minutes");
        return minutes.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void flow6_intakeAcceptsIntegratedWorkOnlyOnceAssessmentServiceCallsThePractitionerEligible() {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(2, 2, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        // The intake's coach decides, naming themselves (a supervisor reaches the intake only once
        // assessment-service says they supervise the coach: makeEligibleForIntegratedPractice does).
        Map<String, String> decision = Map.of("pathway", "integrated", "practitionerId", coach.subject());
        as(coach, INTAKE)
                .body(decision)
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(422);

        makeEligibleForIntegratedPractice();
        eventually(() -> as(coach, INTAKE)
                        .body(decision)
                        .when()
                        .post("/v1/intakes/" + intake + "/decision")
                        .then()
                        .extract()
                        .statusCode()
                == 201);
        as(coach, INTAKE).when().get("/v1/intakes/" + intake).then().body("status", is("decided"));
    }

    /** In assessment-service: profile, supervisor, registration, every competence rated competent, completed. */
    private void makeEligibleForIntegratedPractice() {
        as(coach, ASSESSMENT)
                .body(Map.of("displayName", "Casey Coach", "roles", List.of("coach", "therapist")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        String etag = as(admin, ASSESSMENT)
                .when()
                .get("/v1/practitioners/" + coach.subject())
                .then()
                .extract()
                .header("ETag");
        as(admin, ASSESSMENT)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", supervisor.subject()))
                .when()
                .put("/v1/practitioners/" + coach.subject() + "/supervisor")
                .then()
                .statusCode(200);
        String settings = as(admin, ASSESSMENT)
                .when()
                .get("/v1/assessment-settings")
                .then()
                .extract()
                .header("ETag");
        as(admin, ASSESSMENT)
                .header("If-Match", settings)
                .body(Map.of(
                        "frameworkCode",
                        "praxis-coaching",
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        0,
                        "minSupervisionHours",
                        0))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(200);
        String registration = as(coach, ASSESSMENT)
                .body(Map.of(
                        "kind",
                        "therapy-register",
                        "body",
                        "Example Register",
                        "number",
                        "R-1",
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()))
                .when()
                .post("/v1/practitioners/" + coach.subject() + "/registrations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // A typed-in registration counts only once an admin verified it as read (issue 16, hole 6).
        Object registrationVersion = as(admin, ASSESSMENT)
                .when()
                .get("/v1/practitioners/" + coach.subject())
                .then()
                .statusCode(200)
                .extract()
                .path("registrations.find { it.id == '" + registration + "' }.version");
        as(admin, ASSESSMENT)
                .header("If-Match", "\"" + registrationVersion + "\"")
                .when()
                .post("/v1/practitioners/" + coach.subject() + "/registrations/" + registration + "/verification")
                .then()
                .statusCode(200);
        String assessment = as(coach, ASSESSMENT)
                .body(Map.of())
                .when()
                .post("/v1/practitioners/" + coach.subject() + "/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> competences = as(coach, ASSESSMENT)
                .when()
                .get("/v1/frameworks/praxis-coaching")
                .then()
                .extract()
                .path("items.findAll { it.type == 'Competence' }.code");
        for (String code : competences) {
            as(supervisor, ASSESSMENT)
                    .body(Map.of("competenceCode", code, "level", "competent"))
                    .when()
                    .post("/v1/assessments/" + assessment + "/assessor-ratings")
                    .then()
                    .statusCode(200);
        }
        as(supervisor, ASSESSMENT)
                .when()
                .post("/v1/assessments/" + assessment + "/completion")
                .then()
                .statusCode(200);
        as(coach, ASSESSMENT)
                .when()
                .get("/v1/practitioners/" + coach.subject() + "/eligibility")
                .then()
                .body("eligibilities", org.hamcrest.Matchers.contains("core-coaching", "integrated-practice"));
    }

    @Test
    void flow7_anErasureRequestIsAppliedAndConfirmedByAllFourServicesAndNoExportIdentifiesThePerson() {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(1, 1, 1, 1, 0, 0, 0, 0, 1))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        String engagement = activeEngagement("coaching");
        as(coach, SESSION)
                .body(Map.of("kind", "shared", "body", "Sam wants to move into teaching"))
                .when()
                .post("/v1/engagements/" + engagement + "/notes")
                .then()
                .statusCode(201);
        acceptedReferral(engagement);
        eventually(() -> referrals("origin=risk-flag").size() == 1);
        for (String service : Suite.SERVICES) {
            export(service).then().statusCode(200);
        }
        assertTrue(
                export(INTAKE).then().extract().asString().contains("Sam Client"),
                "the export holds the person before erasure");

        // An admin starts the erasure at the coordinator (intake-service), which publishes it on privacy.events.
        String requestId = as(admin, INTAKE)
                .body(Map.of(
                        "subject", client.subject(), "reason", "The client asked to be erased", "reference", "ERA-7"))
                .when()
                .post("/v1/erasure-requests")
                .then()
                .statusCode(202)
                .body("state", is("in-progress"))
                .extract()
                .path("id");
        for (String topic : List.of("intake.events", "session.events", "referral.events", "assessment.events")) {
            List<ConsumerRecord<String, String>> confirmations = TopicProbe.read(
                    topic, r -> requestId.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
            assertEquals(1, confirmations.size(), topic);
            String type = TopicProbe.header(confirmations.get(0), "ce_type");
            assertTrue(type.endsWith(".subject.erased.v1"), type);
            assertEquals(
                    List.of(),
                    EventContracts.violations(type, confirmations.get(0).value()));
        }
        // The coordinator recorded all four confirmations: complete, and it no longer names the person.
        eventually(() -> "complete"
                .equals(as(admin, INTAKE)
                        .when()
                        .get("/v1/erasure-requests/" + requestId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("state")));
        JsonPath erasure = as(admin, INTAKE)
                .when()
                .get("/v1/erasure-requests/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of("assessment-service", "intake-service", "referral-service", "session-service"),
                erasure.getList("services.service"));
        assertTrue(
                erasure.getList("services.confirmedAt").stream().allMatch(java.util.Objects::nonNull),
                erasure.prettify());
        assertEquals(null, erasure.getString("subject"));
        assertTrue(erasure.getString("pseudonym").startsWith("erased-"));
        assertTrue(erasure.getString("completedAt") != null);
        for (String service : Suite.SERVICES) {
            JsonPath export = export(service).then().statusCode(200).extract().jsonPath();
            Map<String, Object> held = export.getMap("");
            held.remove("subject");
            String rest = held.toString();
            assertFalse(rest.contains(client.subject()), service + " still holds the subject: " + rest);
            assertFalse(rest.contains("Sam"), service + " still holds the person's name or words: " + rest);
        }
        // What practitioners still see is tied to a pseudonym.
        assertTrue(as(coach, SESSION)
                .when()
                .get("/v1/engagements/" + engagement)
                .then()
                .extract()
                .<String>path("clientSubject")
                .startsWith("erased-"));
    }

    /** The client's export from one service, on an export request recorded there first (each service keeps its own). */
    private io.restassured.response.Response export(String service) {
        String request = as(admin, service)
                .body(Map.of("subject", client.subject(), "reason", "Subject access request", "reference", "SAR-1"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return as(admin, service)
                .queryParam("request", request)
                .when()
                .get("/v1/subjects/" + client.subject() + "/export");
    }
}
