package org.praxis.intake.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * A supervisor reaches the intakes of the coaches they supervise (assessment-service's
 * practitioner.supervisor-changed, replicated here) and the ones nobody is assigned to; every supervisor
 * of the tenant reaches the flags not yet closed (the risk queue). Before, every supervisor reached every
 * intake of the tenant: its concerns, answers, scores and decision.
 */
@QuarkusTest
class SupervisorReachApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private final Tokens stranger = TestTenant.another().supervisor;

    /** A client's own intake, screened with item 9 above zero: one raised flag. */
    private String flaggedIntake() {
        String id = as(t.client)
                .body(Map.of("displayName", "Pat Example", "presentingConcerns", "sleepless since the merger"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 1; i <= 9; i++) {
            answers.put(Integer.toString(i), i == 9 ? 1 : 2);
        }
        as(t.client)
                .body(Map.of("instrument", "PHQ-9", "answers", answers))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        return id;
    }

    /** The intake's one screening, read while it is still unassigned (every supervisor's). */
    private String screeningOf(String intake) {
        return as(t.supervisor)
                .when()
                .get("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
    }

    /** Every read and act on the intake, as {@code who}: all 200 (reached) or all 404 (not). */
    private void reaches(Tokens who, String id, String screening, boolean reached) {
        int status = reached ? 200 : 404;
        for (String path : List.of(
                "/v1/intakes/" + id,
                "/v1/intakes/" + id + "/screenings",
                "/v1/intakes/" + id + "/screenings/" + screening,
                "/v1/intakes/" + id + "/recommendation",
                "/v1/intakes/" + id + "/trajectories",
                "/v1/intakes/" + id + "/suitability-checks")) {
            as(who).when().get(path).then().statusCode(status);
        }
        as(who).when()
                .get("/v1/intakes")
                .then()
                .statusCode(200)
                .body("items.id", reached ? hasItem(id) : not(hasItem(id)));
        if (!reached) {
            as(who).body(Map.of("coach", who.subject()))
                    .when()
                    .post("/v1/intakes/" + id + "/coach-assignment")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
            as(who).body(Map.of("pathway", "urgent"))
                    .when()
                    .post("/v1/intakes/" + id + "/decision")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
            as(who).body(Map.of("code", "manual", "level", "elevated", "note", "worried"))
                    .when()
                    .post("/v1/intakes/" + id + "/risk-flags")
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
        }
    }

    private void flagSeen(Tokens who, String flag, boolean seen) {
        as(who).when().get("/v1/risk-flags/" + flag).then().statusCode(seen ? 200 : 404);
        as(who).when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body("items.id", seen ? hasItem(flag) : not(hasItem(flag)));
    }

    @Test
    void aSupervisorReachesTheIntakesOfTheirSuperviseesAndTheUnassignedOnes() {
        String id = flaggedIntake();
        String screening = screeningOf(id);
        String flag = RaisedFlags.onlyFlagOf(id);
        // Assigned to nobody: every supervisor of the tenant's (the triage queue), no other tenant's.
        reaches(t.supervisor, id, screening, true);
        reaches(t.otherSupervisor, id, screening, true);
        reaches(stranger, id, screening, false);

        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.otherSupervisor)
                .body(Map.of("coach", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/coach-assignment")
                .then()
                .statusCode(200);
        // Now the coach's, and their supervisor's only.
        reaches(t.coach, id, screening, true);
        reaches(t.supervisor, id, screening, true);
        reaches(t.otherSupervisor, id, screening, false);
        reaches(stranger, id, screening, false);

        // The flag stays in every supervisor's queue until it is closed, then only the intake's supervisor's.
        flagSeen(t.otherSupervisor, flag, true);
        as(t.otherSupervisor)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("status", "closed", "note", "talked it through; no risk now"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(200);
        flagSeen(t.otherSupervisor, flag, false);
        flagSeen(t.supervisor, flag, true);
        flagSeen(stranger, flag, false);

        // Another supervisor takes the coach over: the intake goes with the coach.
        SupervisionEvents.assign(t.id, t.coach.subject(), t.otherSupervisor.subject());
        reaches(t.otherSupervisor, id, screening, true);
        reaches(t.supervisor, id, screening, false);
        flagSeen(t.supervisor, flag, false);
    }

    @Test
    void anotherTenantsSupervisionOfTheSameSubjectsGrantsNothingHere() {
        String id = flaggedIntake();
        String screening = screeningOf(id);
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .body(Map.of("coach", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/coach-assignment")
                .then()
                .statusCode(200);
        TestTenant other = TestTenant.another();
        SupervisionEvents.assign(other.id, t.coach.subject(), t.otherSupervisor.subject());
        reaches(t.otherSupervisor, id, screening, false);
        reaches(t.supervisor, id, screening, true);
    }

    @Test
    void anErasedCoachsOpenIntakeGoesBackToTheSupervisorsQueue() {
        // A decided one of theirs too: its monitoring goes on and must reach a supervisor.
        String decided = ClientIntakes.decided(t, "coaching");
        String id = flaggedIntake();
        String screening = screeningOf(id);
        t.supervisorSupervisesCoach();
        as(t.supervisor)
                .body(Map.of("coach", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/coach-assignment")
                .then()
                .statusCode(200);
        reaches(t.otherSupervisor, id, screening, false);

        ErasureRequests.erase(t.id, t.coach.subject(), "intake.events");
        // No pseudonym coaches it and none is anyone's supervisee: it waits for a coach again, every supervisor's.
        as(t.otherSupervisor)
                .when()
                .get("/v1/intakes/triage-queue")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        reaches(t.otherSupervisor, id, screening, true);
        as(t.coach).when().get("/v1/intakes/" + id).then().statusCode(404);

        // The decided intake is not waiting for triage, but every supervisor reaches it and may give it a coach.
        as(t.otherSupervisor).when().get("/v1/intakes/triage-queue").then().body("items.id", not(hasItem(decided)));
        as(t.otherSupervisor).when().get("/v1/intakes/" + decided).then().statusCode(200);
        as(t.otherSupervisor)
                .body(Map.of("coach", t.otherCoach.subject()))
                .when()
                .post("/v1/intakes/" + decided + "/coach-assignment")
                .then()
                .statusCode(200);
        as(t.otherCoach).when().get("/v1/intakes/" + decided).then().statusCode(200);
    }
}
