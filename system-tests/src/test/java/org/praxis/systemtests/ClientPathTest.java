package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;

/**
 * The client's path across the suite (issue 22): screened and informed, decided for therapy; the therapy
 * referral drafted from that decision, consented to and completed; coaching after therapy started from
 * the completed referral without a new intake; an end review the client judges; booster sessions in
 * follow-up; closed.
 */
@Order(1)
class ClientPathTest extends SystemTest {

    @Test
    void fromATherapyDecisionThroughCoachingAfterTherapyToBoostersAndClose() {
        // Screened, the client reads the recommendation in words and records their own preference.
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(3, 3, 3, 2, 2, 2, 2, 1, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        Map<String, Object> pathway = as(client, INTAKE)
                .when()
                .get("/v1/me/intakes/" + intake + "/pathway")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertNotNull(pathway.get("recommended"), "the recommendation in words: " + pathway);
        assertFalse(((List<?>) pathway.get("reasons")).isEmpty(), "with its reasons: " + pathway);
        assertNull(pathway.get("decided"), "nothing decided yet");
        as(client, INTAKE)
                .body(Map.of("preference", "talk-with-a-therapist", "note", "I would like to talk to someone first"))
                .when()
                .put("/v1/me/intakes/" + intake + "/preference")
                .then()
                .statusCode(200);

        // The coach decides therapy with the client; the decision shows the client's preference beside it.
        String preference = as(coach, INTAKE)
                .body(Map.of(
                        "pathway",
                        "therapy",
                        "practitionerId",
                        coach.subject(),
                        "reason",
                        "Low mood for months: therapy first, as the client prefers"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201)
                .extract()
                .path("clientPreference.preference");
        assertEquals("talk-with-a-therapist", preference);
        assertNotNull(
                as(client, INTAKE)
                        .when()
                        .get("/v1/me/intakes/" + intake + "/pathway")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("decided"),
                "the client reads the decided pathway");

        // referral-service drafts the therapy referral for the coach; it goes through consent to completion.
        String referral = therapyReferralCompleted(intake);

        // session-service heard of the completion: the client starts coaching after therapy with the coach.
        AtomicReference<String> started = new AtomicReference<>();
        eventually(() -> {
            var answer = as(client, SESSION)
                    .body(Map.of("referralId", referral, "practitionerId", coach.subject()))
                    .when()
                    .post("/v1/engagements/after-therapy")
                    .then()
                    .extract();
            started.set(answer.statusCode() == 201 ? answer.path("id") : null);
            return started.get() != null;
        });
        String engagement = started.get();
        Map<String, Object> view = as(coach, SESSION)
                .when()
                .get("/v1/engagements/" + engagement)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(referral, view.get("afterTherapyReferral"));
        assertEquals(intake, view.get("sourceIntakeId"), "linked to the intake, no new one needed");
        assertEquals("draft", view.get("status"));
        as(client, SESSION)
                .body(Map.of("referralId", referral, "practitionerId", coach.subject()))
                .when()
                .post("/v1/engagements/after-therapy")
                .then()
                .statusCode(409); // one engagement per referral

        acceptFirstContract(engagement, "Returning to work after therapy");
        assertEquals("active", status(engagement));
        String goal = as(client, SESSION)
                .body(Map.of(
                        "title",
                        "Back to work four days a week",
                        "horizon",
                        "proximal",
                        "orientation",
                        "performance",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true))
                .when()
                .post("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String session = schedule(engagement, false);
        as(coach, SESSION)
                .body(Map.of(
                        "status",
                        "held",
                        "scaling",
                        6,
                        "goalsReviewed",
                        List.of(Map.of("goalId", goal, "rating", 6)),
                        "nextPriorities",
                        "Plan the first week back"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(200);

        // The end review agrees one booster within two months; the client gives their own judgement.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String review = as(coach, SESSION)
                .body(Map.of(
                        "kind",
                        "end",
                        "heldOn",
                        today.toString(),
                        "whatChanged",
                        "Working again, sleeping better",
                        "goalsMet",
                        List.of(goal),
                        "followUpOffered",
                        true,
                        "boosterSessionsOffered",
                        1,
                        "followUp",
                        Map.of(
                                "boosterSessions",
                                1,
                                "boostersWithin",
                                today.plusMonths(2).toString())))
                .when()
                .post("/v1/engagements/" + engagement + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(client, SESSION)
                .body(Map.of(
                        "whatChanged",
                        "I feel like myself again",
                        "goals",
                        List.of(Map.of("goalId", goal, "judgement", "partly"))))
                .when()
                .post("/v1/engagements/" + engagement + "/reviews/" + review + "/client-judgement")
                .then()
                .statusCode(201);
        Map<String, Object> judged = as(coach, SESSION)
                .when()
                .get("/v1/engagements/" + engagement + "/reviews")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.id == '" + review + "' }");
        assertEquals(List.of(goal), judged.get("goalsMet"), "the practitioner's view");
        assertEquals(
                "partly",
                ((Map<?, ?>) ((List<?>) ((Map<?, ?>) judged.get("clientJudgement")).get("goals")).get(0))
                        .get("judgement"),
                "the client's view beside it: " + judged);
        assertEquals("follow-up", status(engagement));

        // The booster is scheduled and held in follow-up; after the last one the engagement closes.
        String booster = schedule(engagement, true);
        as(coach, SESSION)
                .body(Map.of("status", "held", "scaling", 7))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions/" + booster + "/outcome")
                .then()
                .statusCode(200);
        assertEquals("closed", status(engagement));
        consumedToEndByItsReaders("session.events");
    }

    /** A handover moves the client to the new coach in every service: the engagement, the intake, the referral. */
    @Test
    void aHandoverMovesTheEngagementItsIntakeAndItsReferralToTheNewCoach() {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(1, 1, 0, 1, 0, 0, 1, 0, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        String engagement = decidedEngagement(intake, "coaching", "Ready for coaching");
        acceptFirstContract(engagement, "Leading a new team");
        String service = therapyService();
        AtomicReference<String> created = new AtomicReference<>();
        eventually(() -> {
            var answer = as(coach, REFERRAL)
                    .body(Map.of(
                            "clientSubject",
                            client.subject(),
                            "engagementId",
                            engagement,
                            "serviceId",
                            service,
                            "reasonCode",
                            "anxiety",
                            "urgency",
                            "routine",
                            "disclose",
                            List.of("identity")))
                    .when()
                    .post("/v1/referrals")
                    .then()
                    .extract();
            created.set(answer.statusCode() == 201 ? answer.path("id") : null);
            return created.get() != null;
        });
        String referral = created.get();

        Tokens newCoach = Tokens.anyone().tenant(tenant).roles("coach");
        String handover = as(coach, SESSION)
                .body(Map.of("toPractitionerId", newCoach.subject(), "reason", "fit", "note", "Prefers mornings"))
                .when()
                .post("/v1/engagements/" + engagement + "/handovers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(newCoach, SESSION)
                .header("If-Match", "\"0\"")
                .when()
                .post("/v1/engagements/" + engagement + "/handovers/" + handover + "/acceptance")
                .then()
                .statusCode(200);

        as(coach, SESSION).when().get("/v1/engagements/" + engagement).then().statusCode(404);
        as(newCoach, SESSION).when().get("/v1/engagements/" + engagement).then().statusCode(200);
        eventually(() -> as(newCoach, INTAKE)
                        .when()
                        .get("/v1/intakes/" + intake)
                        .then()
                        .extract()
                        .statusCode()
                == 200);
        as(coach, INTAKE).when().get("/v1/intakes/" + intake).then().statusCode(404);
        eventually(() -> as(newCoach, REFERRAL)
                        .when()
                        .get("/v1/referrals/" + referral)
                        .then()
                        .extract()
                        .statusCode()
                == 200);
        as(coach, REFERRAL).when().get("/v1/referrals/" + referral).then().statusCode(404);

        // The client sees who took over and when, without the note between the coaches.
        Map<String, Object> seen = as(client, SESSION)
                .when()
                .get("/v1/engagements/" + engagement + "/handovers")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0]");
        assertEquals(coach.subject(), seen.get("fromPractitionerId"));
        assertEquals(newCoach.subject(), seen.get("toPractitionerId"));
        assertNotNull(seen.get("answeredAt"));
        assertNull(seen.get("note"));
    }

    private String status(String engagement) {
        return as(coach, SESSION)
                .when()
                .get("/v1/engagements/" + engagement)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    /** The draft referral-service opened from the therapy decision, sent with consent, accepted, completed. */
    private String therapyReferralCompleted(String intake) {
        AtomicReference<String> draft = new AtomicReference<>();
        eventually(() -> {
            List<Map<String, Object>> items = as(coach, REFERRAL)
                    .when()
                    .get("/v1/referrals?status=draft&origin=intake-decision")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            items.stream()
                    .filter(r -> intake.equals(r.get("intakeId")))
                    .findFirst()
                    .ifPresent(r -> draft.set((String) r.get("id")));
            return draft.get() != null;
        });
        String referral = draft.get();
        String service = therapyService();
        String etag = as(coach, REFERRAL)
                .when()
                .get("/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(coach, REFERRAL)
                .header("If-Match", etag)
                .body(Map.of(
                        "serviceId",
                        service,
                        "reasonCode",
                        "depression",
                        "urgency",
                        "soon",
                        "disclose",
                        List.of("identity")))
                .when()
                .put("/v1/referrals/" + referral)
                .then()
                .statusCode(200);
        consentedSentAndAnswered(referral, "accepted", "completed");
        return referral;
    }

    /** A session starting now, so that it is recorded right after (an outcome waits for the start). */
    private String schedule(String engagement, boolean booster) {
        return as(coach, SESSION)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().toString(),
                        "durationMinutes",
                        60,
                        "mode",
                        "video",
                        "model",
                        "T-GROW",
                        "booster",
                        booster))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
