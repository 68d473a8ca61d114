package org.praxis.intake.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** GET /v1/intakes/{id}/trajectories: per role, another tenant, bounds, and the classification it reports. */
@QuarkusTest
class TrajectoryApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private String openIntake() {
        return as(t.coach)
                .body(Map.of("displayName", "Pat", "clientSubject", t.client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Answers of {@code items} items (0..max each) adding up to {@code total}, spread evenly so no WHO-5
     * item falls to its low-item rule; PHQ-9 item 9 (self-harm) stays 0.
     */
    static Map<String, Object> answers(String instrument, int items, int max, int total) {
        Map<String, Integer> a = new HashMap<>();
        int spread = instrument.equals("PHQ-9") ? items - 1 : items;
        for (int i = 1; i <= items; i++) {
            int value = i > spread ? 0 : total / spread + (i <= total % spread ? 1 : 0);
            if (value > max) {
                throw new IllegalArgumentException(total + " is above what " + instrument + " takes here");
            }
            a.put(Integer.toString(i), value);
        }
        return Map.of("instrument", instrument, "answers", a);
    }

    static void submit(Tokens who, String intake, Map<String, Object> body) {
        as(who).body(body)
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
    }

    private static String url(String intake) {
        return "/v1/intakes/" + intake + "/trajectories";
    }

    @Test
    void anImprovingSeriesEndsInReliableRecoveryAndEachInstrumentHasItsOwnTrajectory() {
        String id = openIntake();
        submit(t.client, id, answers("PHQ-9", 9, 3, 16));
        submit(t.coach, id, answers("GAD-7", 7, 3, 9));
        submit(t.client, id, answers("PHQ-9", 9, 3, 12));
        submit(t.client, id, answers("PHQ-9", 9, 3, 7));
        as(t.coach)
                .when()
                .get(url(id))
                .then()
                .statusCode(200)
                .body("intakeId", is(id))
                .body("thresholdsVersion", is("change-thresholds-v1"))
                .body("trajectories.instrument", contains("GAD-7", "PHQ-9"))
                .body("trajectories[1].points.total", contains(16, 12, 7))
                .body("trajectories[1].points.band", contains("moderately-severe", "moderate", "mild"))
                .body("trajectories[1].baseline.total", is(16))
                .body("trajectories[1].latest.total", is(7))
                .body("trajectories[1].changeFromBaseline", is(-9))
                .body("trajectories[1].percentChangeFromBaseline", nullValue())
                .body("trajectories[1].classification", is("reliable-recovery"))
                .body("trajectories[1].deteriorated", is(false))
                .body("trajectories[1].earlierPointsOmitted", is(false))
                .body("trajectories[1].thresholdsVersion", is("change-thresholds-v1"))
                .body("trajectories[0].points", hasSize(1))
                .body("trajectories[0].classification", is("no-reliable-change"))
                .body("trajectories[0].changeFromBaseline", is(0));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and resource_id = ?"
                                        + " and action = 'read' and resource_type = 'trajectory'",
                                t.id,
                                id));
    }

    @Test
    void oneInstrumentOnlyAndWho5InPercentagePoints() {
        String id = openIntake();
        submit(t.client, id, answers("PHQ-9", 9, 3, 5));
        submit(t.client, id, answers("WHO-5", 5, 5, 15));
        submit(t.client, id, answers("WHO-5", 5, 5, 12));
        as(t.supervisor)
                .queryParam("instrument", "WHO-5")
                .when()
                .get(url(id))
                .then()
                .statusCode(200)
                .body("trajectories", hasSize(1))
                .body("trajectories[0].instrument", is("WHO-5"))
                .body("trajectories[0].points.percent", contains(60, 48))
                .body("trajectories[0].changeFromBaseline", is(-3))
                .body("trajectories[0].percentChangeFromBaseline", is(-12))
                .body("trajectories[0].classification", is("reliable-deterioration"))
                .body("trajectories[0].deteriorated", is(true));
        as(t.supervisor)
                .queryParam("instrument", "WSAS")
                .when()
                .get(url(id))
                .then()
                .statusCode(200)
                .body("trajectories", hasSize(0));
    }

    @Test
    void wsasIsNotClassifiable() {
        String id = openIntake();
        submit(t.coach, id, answers("WSAS", 5, 8, 8));
        submit(t.coach, id, answers("WSAS", 5, 8, 30));
        as(t.coach)
                .when()
                .get(url(id))
                .then()
                .statusCode(200)
                .body("trajectories[0].classification", is("not-classifiable"))
                .body("trajectories[0].deteriorated", is(true));
    }

    @Test
    void theCoachAndTheirSupervisorReadItTheClientSponsorAdminAndOthersDoNot() {
        String id = openIntake();
        submit(t.client, id, answers("PHQ-9", 9, 3, 10));
        for (Tokens reader : List.of(t.coach, t.supervisor)) {
            as(reader).when().get(url(id)).then().statusCode(200).body("trajectories", hasSize(1));
        }
        // A supervisor who does not supervise the intake's coach learns nothing of it.
        as(t.otherSupervisor).when().get(url(id)).then().statusCode(404).contentType(PROBLEM);
        for (Tokens refused : List.of(t.client, t.sponsor, t.admin)) {
            as(refused).when().get(url(id)).then().statusCode(403).contentType(PROBLEM);
        }
        as(t.otherCoach).when().get(url(id)).then().statusCode(404).contentType(PROBLEM);
        as(TestTenant.another().supervisor)
                .when()
                .get(url(id))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(TestTenant.another().coach)
                .when()
                .get(url(id))
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void anOverlongInstrumentIsRefusedByName() {
        String id = openIntake();
        as(t.coach)
                .queryParam("instrument", "X".repeat(65))
                .when()
                .get(url(id))
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        as(t.coach).when().get(url("not-a-uuid")).then().statusCode(404);
    }
}
