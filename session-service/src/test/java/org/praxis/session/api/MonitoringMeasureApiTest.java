package org.praxis.session.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.session.MonitoredEngagements.activate;
import static org.praxis.session.MonitoredEngagements.decided;
import static org.praxis.session.MonitoredEngagements.held;
import static org.praxis.session.MonitoredEngagements.newIntake;
import static org.praxis.session.MonitoredEngagements.recordHeld;
import static org.praxis.session.MonitoredEngagements.scheduled;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.CommitHold;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 21: measures fall due under the plan and are published as monitoring.due; intake's scored
 * screening completes one once; the overdue list follows the engagement's access rule.
 */
@QuarkusTest
class MonitoringMeasureApiTest {
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();
    private static final String DUE_EVENTS =
            "select count(*) from outbox_event where aggregate_id = ? and event_type = 'org.praxis.session.monitoring.due.v1'";

    private final TestTenant t = new TestTenant();

    private List<String> measures(String engagement) {
        return as(t.coach)
                .queryParam("engagementId", engagement)
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .statusCode(200)
                .extract()
                .path("items.measureId");
    }

    @Test
    void everySecondHeldSessionMakesEachInstrumentDueAndPublishesIt() {
        String intake = newIntake();
        String id = decided(t, intake, "coaching-with-monitoring");
        activate(t, id);
        held(t, id);
        assertEquals(0, DB.count("select count(*) from monitoring_measure where engagement_id = ?::uuid", id));
        assertEquals(0, DB.count(DUE_EVENTS, id));

        held(t, id);
        as(t.coach)
                .queryParam("engagementId", id)
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .statusCode(200)
                .body("items.instrument", containsInAnyOrder("PHQ-9", "GAD-7"))
                .body("items.status", everyItem(is("due")));
        assertEquals(2, DB.count(DUE_EVENTS, id));
        for (String measure : measures(id)) {
            assertEquals(
                    1,
                    DB.count(
                            DUE_EVENTS + " and payload->>'measureId' = ? and payload->>'intakeId' = ?"
                                    + " and payload->>'clientSubject' = ? and payload->>'dueOn' is not null",
                            id,
                            measure,
                            intake,
                            t.client.subject()));
        }
        held(t, id); // the third: not a second one
        assertEquals(2, DB.count(DUE_EVENTS, id));
        held(t, id);
        assertEquals(4, DB.count(DUE_EVENTS, id));
    }

    @Test
    void anEngagementFromNoIntakeKeepsItsMeasuresButPublishesNothing() {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching-with-monitoring"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        activate(t, id);
        held(t, id);
        held(t, id);
        assertEquals(2, measures(id).size());
        assertEquals(0, DB.count(DUE_EVENTS, id));
    }

    @Test
    void aWeeklyPlanDatesItsMeasuresAheadAtActivationAndAfterEachCompletion() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        weeklyPlan(id, List.of("WHO-5"), 3);
        activate(t, id);
        String first = LocalDate.now(ZoneOffset.UTC).plusWeeks(3).toString();
        as(t.coach)
                .queryParam("engagementId", id)
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .body("items.instrument", contains("WHO-5"))
                .body("items.dueOn", contains(first));
        assertEquals(1, DB.count(DUE_EVENTS + " and payload->>'dueOn' = ?", id, first));

        scored(
                UUID.randomUUID().toString(),
                id,
                measures(id).get(0),
                UUID.randomUUID().toString());
        String next = LocalDate.now(ZoneOffset.UTC).plusWeeks(6).toString();
        as(t.coach)
                .queryParam("engagementId", id)
                .queryParam("status", "due")
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .body("items.dueOn", contains(next));
        assertEquals(1, DB.count(DUE_EVENTS + " and payload->>'dueOn' = ?", id, next));
    }

    @Test
    void aPlanSwitchedToWeeklyOnAnActiveEngagementDatesItsMeasures() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        activate(t, id);
        assertEquals(List.of(), measures(id), "every 2 held sessions: nothing due yet");
        weeklyPlan(id, List.of("PHQ-9", "WHO-5"), 2);
        String dueOn = LocalDate.now(ZoneOffset.UTC).plusWeeks(2).toString();
        as(t.coach)
                .queryParam("engagementId", id)
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .body("items.instrument", containsInAnyOrder("PHQ-9", "WHO-5"))
                .body("items.dueOn", contains(dueOn, dueOn));
        assertEquals(2, DB.count(DUE_EVENTS, id));
        // Saving the same plan again dates nothing twice.
        as(t.coach)
                .header("If-Match", "\"1\"")
                .body(Map.of("instruments", List.of("PHQ-9", "WHO-5"), "everyWeeks", 2))
                .when()
                .put("/v1/engagements/" + id + "/monitoring-plan")
                .then()
                .statusCode(200);
        assertEquals(2, measures(id).size());
        assertEquals(2, DB.count(DUE_EVENTS, id));
    }

    @Test
    void aWeeklyPlanGoesOnWhenItsEngagementResumesAfterAPause() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        weeklyPlan(id, List.of("WHO-5"), 3);
        activate(t, id);
        move(id, "paused");
        scored(
                UUID.randomUUID().toString(),
                id,
                measures(id).get(0),
                UUID.randomUUID().toString());
        assertEquals(List.of(), due(id), "a measure completed while paused dates no next one");

        move(id, "active");
        String dueOn = LocalDate.now(ZoneOffset.UTC).plusWeeks(3).toString();
        assertEquals(List.of(dueOn), due(id));
        assertEquals(
                2, DB.count(DUE_EVENTS + " and payload->>'dueOn' = ?", id, dueOn), "at activation and at resumption");
        // A pause and a resumption with a measure still open date nothing more.
        move(id, "paused");
        move(id, "active");
        assertEquals(List.of(dueOn), due(id));
        assertEquals(2, DB.count(DUE_EVENTS, id));
    }

    @Test
    void closingTheEngagementWithdrawsItsOpenMeasures() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        weeklyPlan(id, List.of("PHQ-9", "WHO-5"), 2);
        activate(t, id);
        assertEquals(2, due(id).size());
        move(id, "closed");
        assertEquals(List.of(), due(id), "nothing is asked of a closed engagement's client");
        for (String status : List.of("overdue", "completed")) {
            as(t.coach)
                    .queryParam("engagementId", id)
                    .queryParam("status", status)
                    .when()
                    .get("/v1/monitoring-measures")
                    .then()
                    .statusCode(200)
                    .body("items", empty());
        }
        as(t.coach)
                .queryParam("engagementId", id)
                .queryParam("status", "withdrawn")
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .statusCode(200)
                .body("items.instrument", containsInAnyOrder("PHQ-9", "WHO-5"))
                .body("items.status", everyItem(is("withdrawn")));
        as(t.coach)
                .queryParam("engagementId", id)
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .body("items.status", everyItem(is("withdrawn")));
        // Nothing more to plan: the closed engagement's plan stays as it was.
        as(t.coach)
                .header("If-Match", "\"1\"")
                .body(Map.of("instruments", List.of("GAD-7"), "everyWeeks", 1))
                .when()
                .put("/v1/engagements/" + id + "/monitoring-plan")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/monitoring-plan")
                .then()
                .statusCode(200)
                .body("instruments", containsInAnyOrder("PHQ-9", "WHO-5"));
        // Its client's assignments follow from the status change session-service publishes (intake-service).
        assertEquals(
                1,
                DB.count(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type ="
                                + " 'org.praxis.session.engagement.status-changed.v1' and payload->>'status' = 'closed'",
                        id));
    }

    /**
     * A scored screening dates the next measure while the coach closes the engagement: whichever commits first,
     * no measure stays open in the closed engagement (the close withdraws it, or the completion sees the close).
     */
    @Test
    void aMeasureCompletedWhileTheEngagementClosesLeavesNoneOpen() throws Exception {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        weeklyPlan(id, List.of("WHO-5"), 3);
        activate(t, id);
        String measure = measures(id).get(0);
        // The completion is held at its commit (a deferred trigger on the next measure it dates); the close must
        // wait for it, else it withdraws what it sees without the measure the completion dates.
        try (CommitHold hold =
                CommitHold.on("insert", "monitoring_measure", "new.engagement_id = '" + id + "'::uuid")) {
            java.util.concurrent.CompletableFuture<Void> completing =
                    java.util.concurrent.CompletableFuture.runAsync(() -> scored(
                            UUID.randomUUID().toString(),
                            id,
                            measure,
                            UUID.randomUUID().toString()));
            hold.awaitHeld();
            java.util.concurrent.CompletableFuture<Void> closing =
                    java.util.concurrent.CompletableFuture.runAsync(() -> move(id, "closed"));
            hold.awaitWaitingForIt(1);
            hold.release();
            completing.get();
            closing.get();
        }
        assertEquals(List.of(), due(id), "nothing is asked of a closed engagement's client");
    }

    @Test
    void sessionsRecordedAsHeldAfterAPauseOrTheCloseAskForNothing() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        activate(t, id);
        held(t, id);
        List<String> late = List.of(scheduled(t, id), scheduled(t, id), scheduled(t, id));
        move(id, "paused");
        recordHeld(t, id, late.get(0)); // the second held session of an every-second plan, recorded while paused
        assertEquals(List.of(), measures(id));
        move(id, "active");
        move(id, "closed");
        recordHeld(t, id, late.get(1));
        recordHeld(t, id, late.get(2));
        assertEquals(List.of(), measures(id), "a closed engagement's client is asked for nothing");
        assertEquals(0, DB.count(DUE_EVENTS, id));
    }

    /** The engagement's plan (version 0, as drafted) replaced by one every N weeks. */
    private void weeklyPlan(String engagement, List<String> instruments, int everyWeeks) {
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", instruments, "everyWeeks", everyWeeks))
                .when()
                .put("/v1/engagements/" + engagement + "/monitoring-plan")
                .then()
                .statusCode(200);
    }

    private List<String> due(String engagement) {
        return as(t.coach)
                .queryParam("engagementId", engagement)
                .queryParam("status", "due")
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .statusCode(200)
                .extract()
                .path("items.dueOn");
    }

    private void move(String engagement, String status) {
        org.praxis.session.ActiveEngagements.move(t.coach, engagement, status);
    }

    private void scored(String screening, String engagement, String measure, String eventId) {
        Map<String, Object> payload = new HashMap<>(Map.of(
                "screeningId",
                screening,
                "intakeId",
                UUID.randomUUID().toString(),
                "clientSubject",
                t.client.subject(),
                "instrument",
                "PHQ-9",
                "instrumentVersion",
                1,
                "scoringVersion",
                "phq9-v1",
                "total",
                7,
                "severity",
                "mild"));
        if (measure != null) {
            payload.put("engagementId", engagement);
            payload.put("measureId", measure);
        }
        String json = new io.vertx.core.json.JsonObject(payload).encode();
        assertEquals(List.of(), EventContracts.violations("org.praxis.intake.screening.scored.v1", json));
        TopicProbe.send(
                "intake.events",
                screening,
                json,
                Map.of(
                        "ce_id",
                        eventId,
                        "ce_type",
                        "org.praxis.intake.screening.scored.v1",
                        "ce_source",
                        "/intake-service",
                        "ce_tenant",
                        t.id,
                        "ce_time",
                        Instant.now().toString()));
        if (measure != null) { // one that answers no measure is not applied at all (ScreeningScoredHandler.concerns)
            DB.awaitCount(1, SCORED_MARKS, eventId);
        }
    }

    private static final String SCORED_MARKS =
            "select count(*) from inbox_event where consumer = 'session-screening-scored' and event_id = ?";

    @Test
    void aScoredScreeningCompletesItsMeasureOnce() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        activate(t, id);
        held(t, id);
        held(t, id);
        String measure = measures(id).get(0);
        String screening = UUID.randomUUID().toString();
        String event = UUID.randomUUID().toString();

        String atIntake = UUID.randomUUID().toString();
        scored(UUID.randomUUID().toString(), id, null, atIntake); // at intake: not a measure's
        scored(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                measure,
                UUID.randomUUID().toString());
        assertEquals(
                0,
                DB.count(
                        "select count(*) from monitoring_measure where status = 'completed' and engagement_id = ?::uuid",
                        id));
        assertEquals(0, DB.count(SCORED_MARKS, atIntake), "nothing to apply: no transaction, no mark");

        scored(screening, id, measure, event);
        scored(screening, id, measure, event); // redelivered
        scored(UUID.randomUUID().toString(), id, measure, UUID.randomUUID().toString()); // another screening later
        assertEquals(
                1,
                DB.count(
                        "select count(*) from monitoring_measure where id = ?::uuid and status = 'completed'"
                                + " and screening_id = ?::uuid",
                        measure,
                        screening));
        assertEquals(
                1, DB.count("select count(*) from audit_event where action = 'complete' and resource_id = ?", measure));
        as(t.coach)
                .queryParam("status", "completed")
                .queryParam("engagementId", id)
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .body("items.measureId", contains(measure))
                .body("items[0].screeningId", is(screening));
    }

    @Test
    void overdueMeasuresAreListedForThePractitionerAndTheirSupervisorOnly() {
        String id = decided(t, newIntake(), "coaching-with-monitoring");
        activate(t, id);
        held(t, id);
        held(t, id);
        DB.execute("update monitoring_measure set due_on = current_date - 1 where engagement_id = '" + id + "'");
        List<String> mine = measures(id);
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());

        for (var who : List.of(t.coach, t.supervisor)) {
            as(who).queryParam("status", "overdue")
                    .when()
                    .get("/v1/monitoring-measures")
                    .then()
                    .statusCode(200)
                    .body("items.measureId", containsInAnyOrder(mine.toArray()))
                    .body("items.status", everyItem(is("overdue")));
            as(who).queryParam("status", "due")
                    .when()
                    .get("/v1/monitoring-measures")
                    .then()
                    .body("items", empty());
        }
        for (var who : List.of(t.otherCoach, t.otherSupervisor, TestTenant.another().supervisor)) {
            as(who).queryParam("status", "overdue")
                    .when()
                    .get("/v1/monitoring-measures")
                    .then()
                    .statusCode(200)
                    .body("items", empty());
            as(who).queryParam("engagementId", id)
                    .when()
                    .get("/v1/monitoring-measures")
                    .then()
                    .body("items", empty());
        }
        as(t.client).when().get("/v1/monitoring-measures").then().statusCode(403);
        as(t.sponsor).when().get("/v1/monitoring-measures").then().statusCode(403);
        as(t.coach)
                .queryParam("status", "late")
                .when()
                .get("/v1/monitoring-measures")
                .then()
                .statusCode(422);
    }
}
