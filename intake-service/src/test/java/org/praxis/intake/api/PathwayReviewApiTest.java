package org.praxis.intake.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Issue 21: the recommendation recomputed from the latest scores, and the escalation flag during monitoring. */
@QuarkusTest
class PathwayReviewApiTest {
    private static final String ESCALATION = "pathway-escalation";

    private final TestTenant t = new TestTenant();

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private static void screen(Tokens who, String intake, String instrument, int... answers) {
        as(who).body(MonitoringApiTest.answers(instrument, answers))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201)
                .body(not(containsString(ESCALATION))); // never in the answer: a client submits these
    }

    private static long escalations(String intake, String level) {
        return EmbeddedPostgres.shared()
                .count(
                        "select count(*) from risk_flag where intake_id = ?::uuid and code = ? and level = ?"
                                + " and source = 'recommendation'",
                        intake,
                        ESCALATION,
                        level);
    }

    private static String recomputed(String intake) {
        return "/v1/intakes/" + intake + "/recommendation/recomputed";
    }

    @Test
    void theStoredReadinessAnswersDriveSupportWorkAndTheInTherapyReason() {
        String intake = ClientIntakes.opened(t);
        screen(t.coach, intake, "COACHING-READINESS", 4, 4, 1, 0); // ready, seeing a therapist
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .statusCode(200)
                .body("pathway", is("coaching-with-monitoring"))
                .body("reasons.rule", is(List.of("in-therapy")));
        screen(t.coach, intake, "COACHING-READINESS", 1, 2, 0, 0); // 3: not ready, no therapist now
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .statusCode(200)
                .body("pathway", is("support-work"))
                .body("reasons.rule", is(List.of("readiness-not-ready")));
    }

    @Test
    void aMonitoringScoreCrossingIntoTherapyRaisesOneFlagAndTheRecomputeShowsWhatMoved() {
        String intake = ClientIntakes.opened(t);
        screen(t.coach, intake, "PHQ-9", 1, 1, 1, 1, 1, 1, 0, 0, 0); // 6, mild
        screen(t.coach, intake, "GAD-7", 1, 1, 1, 0, 0, 0, 0); // 3, minimal
        // Before the decision: nothing decided, nothing moved.
        as(t.coach)
                .when()
                .get(recomputed(intake))
                .then()
                .statusCode(200)
                .body("decidedPathway", nullValue())
                .body("recomputed.pathway", is("coaching-with-monitoring"))
                .body("changed", is(false))
                .body("bandChanges", hasSize(0));
        as(t.coach)
                .body(Map.of("pathway", "coaching-with-monitoring"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);

        screen(t.client, intake, "PHQ-9", 2, 1, 1, 1, 1, 1, 1, 1, 0); // 9, mild: still monitoring
        screen(t.client, intake, "PHQ-9", 2, 2, 2, 1, 1, 1, 1, 1, 0); // 11, moderate: integrated
        assertEquals(0, escalations(intake, "elevated"));
        screen(t.client, intake, "PHQ-9", 2, 2, 2, 2, 2, 2, 2, 2, 0); // 16, moderately severe: therapy
        assertEquals(1, escalations(intake, "elevated"));
        screen(t.client, intake, "PHQ-9", 3, 2, 2, 2, 2, 2, 2, 2, 0); // 17: stays at therapy, no second flag
        assertEquals(1, escalations(intake, "elevated"));

        as(t.coach)
                .when()
                .get(recomputed(intake))
                .then()
                .statusCode(200)
                .body("decidedPathway", is("coaching-with-monitoring"))
                .body("recommendedAtDecision", is("coaching-with-monitoring"))
                .body("recomputed.pathway", is("therapy"))
                .body("recomputed.reasons.rule", is(List.of("phq9-therapy")))
                .body("changed", is(true))
                .body("bandChanges", hasSize(1))
                .body("bandChanges[0].instrument", is("PHQ-9"))
                .body("bandChanges[0].fromBand", is("mild"))
                .body("bandChanges[0].fromTotal", is(6))
                .body("bandChanges[0].toBand", is("moderately-severe"))
                .body("bandChanges[0].toTotal", is(17));
        // The intake's own recommendation (the coach's, and what the client's pathway view says) reads the same
        // rules: the escalation flag it raised does not turn it into urgent help.
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .statusCode(200)
                .body("pathway", is("therapy"))
                .body("reasons.rule", is(List.of("phq9-therapy")));

        // Item 9 raises its own flag; the recommendation crosses on into urgent help: one serious escalation.
        screen(t.client, intake, "PHQ-9", 3, 2, 2, 2, 2, 2, 2, 2, 1);
        assertEquals(1, escalations(intake, "serious"));
        screen(t.client, intake, "PHQ-9", 3, 2, 2, 2, 2, 2, 2, 2, 1);
        assertEquals(1, escalations(intake, "serious"));
        assertEquals(1, escalations(intake, "elevated"));

        // Published like every risk flag, so referral-service drafts a referral for the supervisors' queue.
        var raised = TopicProbe.read(
                "intake.events",
                r -> intake.equals(r.key()) && r.value().contains(ESCALATION),
                found -> found.size() >= 2,
                Duration.ofSeconds(30));
        assertEquals(2, raised.size());
        raised.forEach(r -> assertEquals(
                List.of(), EventContracts.violations(TopicProbe.header(r, "ce_type"), r.value()), r.value()));
        // The coach sees the flag on the intake's queue.
        as(t.coach)
                .queryParam("intakeId", intake)
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body(
                        "items.findAll { it.code == '" + ESCALATION + "' }.source",
                        is(List.of("recommendation", "recommendation")));
    }

    @Test
    void aScoreAtIntakeOrOnATherapyDecisionRaisesNoEscalation() {
        String undecided = ClientIntakes.opened(t);
        screen(t.coach, undecided, "PHQ-9", 2, 2, 2, 2, 2, 2, 2, 2, 0); // 16, therapy, but not monitoring
        String therapy = ClientIntakes.opened(t);
        screen(t.coach, therapy, "PHQ-9", 1, 1, 1, 1, 1, 1, 0, 0, 0);
        as(t.coach)
                .body(Map.of("pathway", "therapy", "reason", "the client asked for a therapist"))
                .when()
                .post("/v1/intakes/" + therapy + "/decision")
                .then()
                .statusCode(201);
        screen(t.client, therapy, "PHQ-9", 2, 2, 2, 2, 2, 2, 2, 2, 0);
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from risk_flag where intake_id in (?::uuid, ?::uuid) and code = ?",
                                undecided,
                                therapy,
                                ESCALATION));
    }

    @Test
    void theRecomputeIsTheIntakesCoachsAndSupervisorsOnlyAndItsReadIsAudited() {
        String intake = ClientIntakes.opened(t);
        screen(t.coach, intake, "PHQ-9", 1, 1, 1, 1, 1, 1, 0, 0, 0);
        as(t.supervisor).when().get(recomputed(intake)).then().statusCode(200);
        as(t.coach).when().get(recomputed(intake)).then().statusCode(200);
        as(t.client).when().get(recomputed(intake)).then().statusCode(403);
        as(t.otherCoach).when().get(recomputed(intake)).then().statusCode(404);
        as(t.sponsor).when().get(recomputed(intake)).then().statusCode(403);
        as(t.admin).when().get(recomputed(intake)).then().statusCode(403);
        as(TestTenant.another().supervisor)
                .when()
                .get(recomputed(intake))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'read-scores'"
                                        + " and resource_id = ?",
                                t.id,
                                intake));

        // The recommendation itself names the open flags and scores behind it: its read is audited too.
        String recommendation = "/v1/intakes/" + intake + "/recommendation";
        as(t.coach).when().get(recommendation).then().statusCode(200);
        as(t.otherCoach).when().get(recommendation).then().statusCode(404);
        assertEquals(
                3,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'read-scores'"
                                        + " and resource_id = ?",
                                t.id,
                                intake));
    }
}
