package org.praxis.intake.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.intake.api.TrajectoryApiTest.answers;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Every later score publishes trajectory.changed; during monitoring (the intake is decided) a
 * deteriorating one raises monitoring-deterioration, which goes out as risk-flag.raised like any flag.
 */
@QuarkusTest
class MonitoringDeteriorationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private void decide(String intake) {
        as(t.coach)
                .body(Map.of("pathway", "coaching-with-monitoring", "reason", "monitoring agreed with the client"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        as(t.coach).when().get("/v1/intakes/" + intake).then().body("status", is("decided"));
    }

    private static ValidatableResponse submit(Tokens who, String intake, Map<String, Object> body) {
        return as(who).body(body)
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
    }

    private static Map<String, Object> phq9(int total) {
        return answers("PHQ-9", 9, 3, total); // item 9 stays 0 below 25: no self-harm flag
    }

    /** The payloads of one event type this intake put in the outbox, oldest first. */
    private static List<JsonNode> outbox(String intake, String type) throws Exception {
        List<JsonNode> payloads = new ArrayList<>();
        try (var c = EmbeddedPostgres.shared().connect();
                var s = c.prepareStatement(
                        "select payload::text from outbox_event where aggregate_id = ? and event_type = ? order by seq")) {
            s.setString(1, intake);
            s.setString(2, "org.praxis.intake." + type);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(JSON.readTree(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return payloads;
    }

    @Test
    void aDeterioratingScoreDuringMonitoringRaisesTheFlagAndPublishesTheChange() throws Exception {
        String id = openIntake();
        String baseline = submit(t.client, id, phq9(8)).extract().path("id");
        assertEquals(List.of(), outbox(id, "trajectory.changed.v1"), "the first score is the baseline");
        decide(id);

        // mild to moderate: +3 is no reliable change, but a more severe band than the score before
        String moderate = submit(t.coach, id, phq9(11))
                .body("riskFlags", hasSize(1))
                .body("riskFlags[0].code", is("monitoring-deterioration"))
                .body("riskFlags[0].level", is("elevated"))
                .extract()
                .path("id");
        // +12 from the baseline and into the most severe band: serious
        submit(t.supervisor, id, phq9(20))
                .body("riskFlags.code", contains("monitoring-deterioration"))
                .body("riskFlags[0].level", is("serious"));

        List<JsonNode> changes = outbox(id, "trajectory.changed.v1");
        assertEquals(2, changes.size());
        JsonNode first = changes.get(0);
        assertEquals(moderate, first.get("screeningId").asText());
        assertEquals(baseline, first.get("baselineScreeningId").asText());
        assertEquals(8, first.get("baselineTotal").asInt());
        assertEquals(11, first.get("latestTotal").asInt());
        assertEquals("mild", first.get("baselineBand").asText());
        assertEquals("moderate", first.get("latestBand").asText());
        assertEquals("no-reliable-change", first.get("classification").asText());
        assertEquals(true, first.get("deteriorated").asBoolean());
        assertEquals("change-thresholds-v1", first.get("thresholdsVersion").asText());
        assertEquals(t.client.subject(), first.get("clientSubject").asText());
        assertEquals(
                "reliable-deterioration", changes.get(1).get("classification").asText());

        // PHQ-9 20 also takes the recomputed recommendation into therapy: one pathway-escalation of its own
        List<JsonNode> raised = outbox(id, "risk-flag.raised.v1");
        assertEquals(3, raised.size());
        List<JsonNode> deteriorations = raised.stream()
                .filter(f -> f.get("code").asText().equals("monitoring-deterioration"))
                .toList();
        assertEquals(2, deteriorations.size());
        for (JsonNode flag : deteriorations) {
            assertEquals("trajectory", flag.get("source").asText());
            assertEquals(t.coach.subject(), flag.get("assignedCoach").asText());
        }
        // the supervisors' queue shows them
        as(t.supervisor)
                .queryParam("intakeId", id)
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body(
                        "items.findAll { it.code == 'monitoring-deterioration' }.source",
                        contains("trajectory", "trajectory"))
                .body("items.findAll { it.code == 'monitoring-deterioration' }.level", contains("serious", "elevated"))
                .body("items.findAll { it.code == 'pathway-escalation' }.level", contains("elevated"));
    }

    @Test
    void beforeTheDecisionADeteriorationIsPublishedButRaisesNoFlag() throws Exception {
        String id = openIntake();
        submit(t.coach, id, answers("GAD-7", 7, 3, 6));
        submit(t.coach, id, answers("GAD-7", 7, 3, 16)).body("riskFlags", hasSize(0));
        List<JsonNode> changes = outbox(id, "trajectory.changed.v1");
        assertEquals(1, changes.size());
        assertEquals(
                "reliable-deterioration", changes.get(0).get("classification").asText());
        assertEquals(true, changes.get(0).get("deteriorated").asBoolean());
        assertEquals(List.of(), outbox(id, "risk-flag.raised.v1"));
    }

    @Test
    void anImprovingSeriesDuringMonitoringEndsInReliableRecoveryWithoutAFlag() throws Exception {
        String id = openIntake();
        submit(t.client, id, phq9(16));
        decide(id);
        submit(t.coach, id, phq9(10)).body("riskFlags", hasSize(0)); // -6, still a case
        submit(t.supervisor, id, phq9(7)).body("riskFlags", hasSize(0));
        List<JsonNode> changes = outbox(id, "trajectory.changed.v1");
        assertEquals(2, changes.size());
        assertEquals(
                "reliable-improvement", changes.get(0).get("classification").asText());
        assertEquals("reliable-recovery", changes.get(1).get("classification").asText());
        assertEquals(false, changes.get(1).get("deteriorated").asBoolean());
        assertEquals(16, changes.get(1).get("baselineTotal").asInt());
        assertEquals(List.of(), outbox(id, "risk-flag.raised.v1"));
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/trajectories")
                .then()
                .statusCode(200)
                .body("trajectories[0].classification", is("reliable-recovery"));
    }

    @Test
    void aDecidedIntakeTakesScreeningsFromItsClientAndPractitionersOnly() {
        String id = openIntake();
        submit(t.client, id, answers("WHO-5", 5, 5, 15));
        decide(id);
        // adequate (60%) to poor (48%): -12 percentage points, the WHO-5's worst band, elevated (well-being is
        // no risk measure); the client reads no flag code, the supervisors' queue has the flag
        submit(t.client, id, answers("WHO-5", 5, 5, 12)).body("riskFlags", nullValue());
        as(t.supervisor)
                .queryParam("intakeId", id)
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body("items.code", contains("monitoring-deterioration"))
                .body("items.level", contains("elevated"));
        submit(t.coach, id, answers("WHO-5", 5, 5, 13)).body("riskFlags", hasSize(0));
        submit(t.supervisor, id, answers("WHO-5", 5, 5, 14)).body("riskFlags", hasSize(0));
        for (Tokens refused : List.of(t.otherClient, t.otherCoach, TestTenant.another().supervisor)) {
            as(refused)
                    .body(answers("WHO-5", 5, 5, 1))
                    .when()
                    .post("/v1/intakes/" + id + "/screenings")
                    .then()
                    .statusCode(404);
        }
        as(t.sponsor)
                .body(answers("WHO-5", 5, 5, 1))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(403);
    }
}
