package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Measurement-based care across intake, session and referral (issue 21): a client on coaching-with-monitoring
 * is sent PHQ-9 and GAD-7 when the plan says; a worsening series raises a flag that reaches the supervisors'
 * queue and a draft referral; an improving one ends in reliable recovery in the end review.
 */
@Order(1)
class MeasurementBasedCareTest extends SystemTest {

    /** Answers to one instrument whose items are numbered from 1; the total is their sum. */
    private static Map<String, Object> answers(String instrument, int items, int total) {
        Map<String, Object> a = new HashMap<>();
        for (int i = 0; i < items; i++) {
            // Spread the total over the items (at most 3 each); item 9 of the PHQ-9 stays 0 unless the total needs it.
            int left = total - a.values().stream().mapToInt(v -> (int) v).sum();
            a.put(Integer.toString(i + 1), Math.min(3, Math.max(0, left)));
        }
        return Map.of("instrument", instrument, "answers", a);
    }

    private static Map<String, Object> phq9Total(int total) {
        return answers("PHQ-9", 9, total);
    }

    private static Map<String, Object> gad7Total(int total) {
        return answers("GAD-7", 7, total);
    }

    private void screen(String intake, Map<String, Object> screening) {
        as(client, INTAKE)
                .body(screening)
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
    }

    /**
     * An intake screened with the given answers, decided for coaching-with-monitoring with the coach; the
     * engagement session-service drafts from it, with its contract accepted by client and coach.
     */
    private String monitoredEngagement(String intake) {
        String id = decidedEngagement(
                intake, "coaching-with-monitoring", "Coaching with the client's scores watched, as agreed with them");
        Map<String, Object> plan = as(coach, SESSION)
                .when()
                .get("/v1/engagements/" + id + "/monitoring-plan")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(List.of("PHQ-9", "GAD-7"), plan.get("instruments"), "the tenant's default plan");
        assertEquals(2, plan.get("everySessions"));
        acceptFirstContract(id, "Career transition, with monitoring");
        return id;
    }

    private void holdSession(String engagement) {
        String session = as(coach, SESSION)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        60,
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
    }

    /** The client's open assignments that the engagement's monitoring plan sent, by instrument. */
    private Map<String, Map<String, Object>> openAssignments(String engagement) {
        List<Map<String, Object>> items = as(client, INTAKE)
                .when()
                .get("/v1/me/assignments")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        Map<String, Map<String, Object>> open = new HashMap<>();
        items.stream()
                .filter(a -> engagement.equals(a.get("engagementId")) && "open".equals(a.get("status")))
                .forEach(a -> open.put((String) a.get("instrument"), a));
        return open;
    }

    private List<Map<String, Object>> measures(String engagement, String status) {
        return as(coach, SESSION)
                .when()
                .get("/v1/monitoring-measures?engagementId=" + engagement + "&status=" + status)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    /** Two held sessions make PHQ-9 and GAD-7 due (the default plan: every 2 held sessions); one does not. */
    private void measuresFallDueAfterTwoHeldSessions(String engagement) {
        holdSession(engagement);
        assertEquals(List.of(), measures(engagement, "due"), "nothing due after one held session");
        holdSession(engagement);
        eventually(() -> openAssignments(engagement).keySet().equals(java.util.Set.of("PHQ-9", "GAD-7")));
        // The client has praxis.monitoring.days-to-complete (7 by default) from the second held session.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (var assignment : openAssignments(engagement).values()) {
            LocalDate due = LocalDate.parse((String) assignment.get("dueDate"));
            assertTrue(
                    !due.isBefore(today.plusDays(7)) && !due.isAfter(today.plusDays(8)),
                    "due a week after the session that made it due: " + assignment);
        }
        assertEquals(2, measures(engagement, "due").size(), "the coach sees both measures due");
    }

    @Test
    void aDeterioratingSeriesRaisesAFlagThatReachesTheSupervisorsAndADraftReferral() {
        String intake = intake(coach);
        screen(intake, phq9Total(5)); // mild, below caseness
        screen(intake, gad7Total(4)); // minimal
        String engagement = monitoredEngagement(intake);
        measuresFallDueAfterTwoHeldSessions(engagement);

        screen(intake, phq9Total(12)); // +7: reliable deterioration, and mild -> moderate
        screen(intake, gad7Total(5));

        eventually(() -> measures(engagement, "completed").size() == 2);
        assertTrue(openAssignments(engagement).isEmpty(), "both assignments done");

        Map<String, Object> phq9 = as(coach, INTAKE)
                .when()
                .get("/v1/intakes/" + intake + "/trajectories?instrument=PHQ-9")
                .then()
                .statusCode(200)
                .extract()
                .path("trajectories[0]");
        assertEquals("reliable-deterioration", phq9.get("classification"));
        assertEquals(7, phq9.get("changeFromBaseline"));
        assertEquals(true, phq9.get("deteriorated"));

        // The flag, in the supervisors' view of intake's risk flags, and the urgent draft referral it opened.
        List<Map<String, Object>> flags = as(supervisor, INTAKE)
                .when()
                .get("/v1/risk-flags?intakeId=" + intake)
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertTrue(
                flags.stream().anyMatch(f -> "monitoring-deterioration".equals(f.get("code"))),
                "a monitoring-deterioration flag: " + flags);
        eventually(() -> as(supervisor, REFERRAL)
                .when()
                .get("/v1/referrals?status=draft&origin=risk-flag")
                .then()
                .statusCode(200)
                .extract()
                .<List<Map<String, Object>>>path("items")
                .stream()
                .anyMatch(r -> intake.equals(r.get("intakeId")) && "urgent".equals(r.get("urgency"))));

        // The engagement is due for review now.
        eventually(() -> as(coach, SESSION)
                .when()
                .get("/v1/reviews?due=true")
                .then()
                .statusCode(200)
                .extract()
                .<List<Map<String, Object>>>path("items")
                .stream()
                .anyMatch(d -> engagement.equals(d.get("engagementId"))));
    }

    @Test
    void anImprovingSeriesEndsInReliableRecoveryInTheEndReview() {
        String intake = intake(coach);
        screen(intake, phq9Total(15)); // moderately severe: a case
        screen(intake, gad7Total(10)); // moderate: a case
        String engagement = monitoredEngagement(intake);
        measuresFallDueAfterTwoHeldSessions(engagement);

        screen(intake, phq9Total(6)); // -9 and below 10
        screen(intake, gad7Total(3)); // -7 and below 8
        eventually(() -> measures(engagement, "completed").size() == 2);

        as(coach, SESSION)
                .body(Map.of(
                        "kind",
                        "end",
                        "heldOn",
                        LocalDate.now(ZoneOffset.UTC).toString(),
                        "whatChanged",
                        "Sleeping better, back at work full time",
                        "goalsMet",
                        List.of(),
                        "followUpOffered",
                        false,
                        "boosterSessionsOffered",
                        0))
                .when()
                .post("/v1/engagements/" + engagement + "/reviews")
                .then()
                .statusCode(201);

        eventually(() -> {
            List<Map<String, Object>> instruments = as(coach, SESSION)
                    .when()
                    .get("/v1/engagements/" + engagement + "/outcome")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("instruments");
            return instruments.size() == 2
                    && instruments.stream().allMatch(i -> "reliable-recovery".equals(i.get("classification")));
        });
        Map<String, Object> phq9 = as(coach, SESSION)
                .when()
                .get("/v1/engagements/" + engagement + "/outcome")
                .then()
                .extract()
                .path("instruments.find { it.instrument == 'PHQ-9' }");
        assertEquals(15, phq9.get("baselineTotal"));
        assertEquals(6, phq9.get("latestTotal"));

        // The client reads the same outcome without band or classification codes.
        List<Map<String, Object>> seenByClient = as(client, SESSION)
                .when()
                .get("/v1/engagements/" + engagement + "/outcome")
                .then()
                .statusCode(200)
                .extract()
                .path("instruments");
        assertFalse(seenByClient.isEmpty());
        for (var i : seenByClient) {
            assertNull(i.get("classification"), "no classification code for the client: " + i);
            assertNull(i.get("latestBand"), "no band code for the client: " + i);
        }
    }
}
