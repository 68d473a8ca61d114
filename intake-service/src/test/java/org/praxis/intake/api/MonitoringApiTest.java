package org.praxis.intake.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Issue 21 in intake-service: monitoring measures become the client's assignments, scored with their measure. */
@QuarkusTest
class MonitoringApiTest {
    private static final String DUE = "org.praxis.session.monitoring.due.v1";
    private static final String SCORED = "org.praxis.intake.screening.scored.v1";

    private final TestTenant t = new TestTenant();

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private String openIntake(Tokens who, String clientSubject) {
        return as(who).body(Map.of("clientSubject", clientSubject, "displayName", "Pat Example"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void decide(String intake, String pathway) {
        as(t.coach)
                .body(Map.of("pathway", pathway, "reason", "agreed with the client"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
    }

    static Map<String, Object> answers(String instrument, int... answers) {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            a.put(Integer.toString(i + 1), answers[i]);
        }
        return Map.of("instrument", instrument, "answers", a);
    }

    private static String due(String measure, String engagement, String intake, String client, String instrument) {
        return "{\"measureId\":\"" + measure + "\",\"engagementId\":\"" + engagement + "\",\"intakeId\":\"" + intake
                + "\",\"clientSubject\":\"" + client + "\",\"instrument\":\"" + instrument
                + "\",\"dueOn\":\"2026-12-14\"}";
    }

    private static void send(String tenant, String engagement, String payload) {
        TopicProbe.sendEvent("session.events", DUE, "/session-service", tenant, engagement, payload);
    }

    private static final String MOVED = "org.praxis.session.engagement.status-changed.v1";

    private static void moved(String tenant, String engagement, String client, String previous, String status) {
        String payload = "{\"engagementId\":\"" + engagement + "\",\"clientSubject\":\"" + client
                + "\",\"practitionerId\":\"coach-7\",\"previousStatus\":\"" + previous + "\",\"status\":\"" + status
                + "\"}";
        assertEquals(List.of(), EventContracts.violations(MOVED, payload));
        TopicProbe.sendEvent("session.events", MOVED, "/session-service", tenant, engagement, payload);
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    @Test
    void theGoldenExampleMatchesTheRecordIntakeReads() {
        JsonNode example = EventContracts.goldenExampleJson(DUE);
        assertEquals(List.of(), EventContracts.violations(DUE, example.toString()));
    }

    @Test
    void aMeasureFallingDueTwiceIsOneAssignmentAndItsScreeningCarriesTheMeasure() throws Exception {
        String intake = openIntake(t.coach, t.client.subject());
        decide(intake, "coaching-with-monitoring");
        String engagement = UUID.randomUUID().toString();
        String phq = UUID.randomUUID().toString();
        String gad = UUID.randomUUID().toString();
        String client = t.client.subject();
        send(t.id, engagement, due(phq, engagement, intake, client, "PHQ-9"));
        send(t.id, engagement, due(phq, engagement, intake, client, "PHQ-9")); // published again: a new ce_id
        send(t.id, engagement, due(gad, engagement, intake, client, "GAD-7"));
        // Same key, same partition: once GAD-7's is there, both PHQ-9 events were applied before it.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from assignment where measure_id = ?::uuid", gad) == 1);
        assertEquals(1, count("select count(*) from assignment where measure_id = ?::uuid", phq));
        as(t.client)
                .when()
                .get("/v1/me/assignments")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.instrument == 'PHQ-9' }.dueDate", is("2026-12-14"))
                .body("items.find { it.instrument == 'PHQ-9' }.engagementId", is(engagement))
                .body("items.find { it.instrument == 'PHQ-9' }.intakeId", is(intake));

        // The client fills it in on the decided intake: accepted, and the scores name the measure.
        String screening = as(t.client)
                .body(answers("PHQ-9", 1, 1, 1, 1, 1, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client).when().get("/v1/me/assignments").then().body("items.instrument", is(List.of("GAD-7")));
        assertEquals(
                1,
                count(
                        "select count(*) from screening where id = ?::uuid and measure_id = ?::uuid"
                                + " and engagement_id = ?::uuid",
                        screening,
                        phq,
                        engagement));
        List<ConsumerRecord<String, String>> scored = TopicProbe.read(
                "intake.events",
                r -> intake.equals(r.key()) && r.value().contains(screening),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, scored.size());
        assertEquals(SCORED, TopicProbe.header(scored.get(0), "ce_type"));
        assertEquals(List.of(), EventContracts.violations(SCORED, scored.get(0).value()));
        JsonNode payload = new ObjectMapper().readTree(scored.get(0).value());
        assertEquals(engagement, payload.get("engagementId").asText());
        assertEquals(phq, payload.get("measureId").asText());
    }

    @Test
    void aClosedEngagementsOpenAssignmentsAreWithdrawnOnceAndOnlyInItsTenant() {
        String intake = openIntake(t.coach, t.client.subject());
        decide(intake, "coaching-with-monitoring");
        String client = t.client.subject();
        String engagement = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString(); // another engagement of the client, still running
        String gad = UUID.randomUUID().toString();
        String who = UUID.randomUUID().toString();
        send(t.id, engagement, due(gad, engagement, intake, client, "GAD-7"));
        send(t.id, later, due(who, later, intake, client, "WHO-5"));
        // Another tenant's engagement under the same id closes, then a pause here: on one key, both come first.
        moved(TestTenant.another().id, engagement, client, "active", "closed");
        moved(t.id, engagement, client, "active", "paused");
        String marker = UUID.randomUUID().toString();
        send(t.id, engagement, due(marker, engagement, intake, client, "PHQ-9"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from assignment where measure_id = ?::uuid", marker) == 1
                        && count("select count(*) from assignment where measure_id = ?::uuid", who) == 1);
        assertEquals(3, count("select count(*) from assignment where client_subject = ? and status = 'open'", client));

        moved(t.id, engagement, client, "paused", "closed");
        moved(t.id, engagement, client, "paused", "closed"); // published again: a new ce_id
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from assignment where engagement_id = ?::uuid and status = 'withdrawn'",
                                engagement)
                        == 2);
        as(t.client)
                .when()
                .get("/v1/me/assignments")
                .then()
                .statusCode(200)
                .body("items.instrument", is(List.of("WHO-5")));
        as(t.coach)
                .queryParam("status", "withdrawn")
                .queryParam("intakeId", intake)
                .when()
                .get("/v1/assignments")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.status", is(List.of("withdrawn", "withdrawn")));
        assertEquals(
                2,
                count(
                        "select count(*) from audit_event where action = 'withdraw' and resource_type = 'assignment'"
                                + " and tenant_id = ?",
                        t.id),
                "withdrawn once each, however often the event arrives");
        // A screening of a withdrawn instrument completes nothing of the closed engagement.
        String screening = as(t.client)
                .body(answers("GAD-7", 0, 1, 0, 1, 0, 1, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(1, count("select count(*) from screening where id = ?::uuid and measure_id is null", screening));
        assertEquals(
                1, count("select count(*) from assignment where measure_id = ?::uuid and status = 'withdrawn'", gad));
    }

    @Test
    void aScreeningAtIntakeNamesNoMeasure() throws Exception {
        String intake = openIntake(t.coach, t.client.subject());
        String screening = as(t.coach)
                .body(answers("GAD-7", 1, 1, 1, 1, 1, 1, 1))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<ConsumerRecord<String, String>> scored = TopicProbe.read(
                "intake.events",
                r -> intake.equals(r.key()) && r.value().contains(screening),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        JsonNode payload = new ObjectMapper().readTree(scored.get(0).value());
        assertTrue(payload.get("measureId").isNull(), payload.toString());
        assertTrue(payload.get("engagementId").isNull(), payload.toString());
    }

    @Test
    void aMeasureNamingAnotherTenantsIntakeOrAnotherClientIsDeadLetteredAndAssignsNothing() {
        String intake = openIntake(t.coach, t.client.subject());
        TestTenant other = TestTenant.another();
        String engagement = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        String wrongClient = UUID.randomUUID().toString();
        send(other.id, engagement, due(foreign, engagement, intake, t.client.subject(), "PHQ-9"));
        send(t.id, engagement, due(wrongClient, engagement, intake, t.otherClient.subject(), "PHQ-9"));
        var dead = TopicProbe.read(
                "session.events.dlq",
                r -> engagement.equals(r.key()),
                found -> found.size() >= 2,
                Duration.ofSeconds(60));
        assertEquals(2, dead.size());
        assertEquals(
                0,
                count("select count(*) from assignment where measure_id in (?::uuid, ?::uuid)", foreign, wrongClient));
        as(other.client).when().get("/v1/me/assignments").then().statusCode(200).body("items", hasSize(0));
        as(t.otherClient)
                .when()
                .get("/v1/me/assignments")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as(t.client).when().get("/v1/me/assignments").then().body("items[0]", nullValue());
    }

    private String send(Tokens who, String intake, String instrument, String dueDate) {
        return as(who).body(Map.of("instrument", instrument, "dueDate", dueDate))
                .when()
                .post("/v1/intakes/" + intake + "/assignments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void overdueAssignmentsShowToTheIntakesCoachAndSupervisorsOnly() {
        String mine = openIntake(t.coach, t.client.subject());
        String theirs = openIntake(t.otherCoach, t.otherClient.subject());
        String late = send(t.coach, mine, "PHQ-9", "2020-01-06");
        String later = send(t.coach, mine, "GAD-7", "2020-03-02");
        String future = send(t.coach, mine, "WHO-5", "2099-01-01");
        String othersLate = send(t.otherCoach, theirs, "PHQ-9", "2020-02-03");
        // The supervisor supervises both coaches; the other supervisor neither.
        SupervisionEvents.assign(t.id, t.otherCoach.subject(), t.supervisor.subject());
        String done = send(t.coach, mine, "WSAS", "2020-01-01");
        as(t.client)
                .body(answers("WSAS", 1, 1, 1, 1, 1))
                .when()
                .post("/v1/intakes/" + mine + "/screenings")
                .then()
                .statusCode(201);

        // A coach: the intakes assigned to them, soonest due first; the other coach's and done ones are not overdue.
        as(t.coach)
                .queryParam("status", "overdue")
                .when()
                .get("/v1/assignments")
                .then()
                .statusCode(200)
                .body("items.id", is(List.of(late, later)))
                .body("items[0].dueDate", is("2020-01-06"))
                .body("items[0].status", is("open"));
        as(t.coach)
                .when()
                .get("/v1/assignments")
                .then()
                .statusCode(200)
                .body("items.id", is(List.of(done, late, later, future)));
        as(t.coach)
                .queryParam("status", "completed")
                .when()
                .get("/v1/assignments")
                .then()
                .body("items.id", is(List.of(done)));
        as(t.otherCoach)
                .queryParam("status", "overdue")
                .when()
                .get("/v1/assignments")
                .then()
                .body("items.id", is(List.of(othersLate)));
        // A supervisor: their supervisees', one intake at a time if asked; paged.
        as(t.otherSupervisor)
                .queryParam("status", "overdue")
                .when()
                .get("/v1/assignments")
                .then()
                .statusCode(200)
                .body("items", is(List.of()));
        as(t.supervisor)
                .queryParam("status", "overdue")
                .when()
                .get("/v1/assignments")
                .then()
                .body("items.id", is(List.of(late, othersLate, later)));
        as(t.supervisor)
                .queryParam("status", "overdue")
                .queryParam("intakeId", theirs)
                .when()
                .get("/v1/assignments")
                .then()
                .body("items.id", is(List.of(othersLate)));
        String next = as(t.supervisor)
                .queryParam("status", "overdue")
                .queryParam("limit", 2)
                .when()
                .get("/v1/assignments")
                .then()
                .body("items.id", is(List.of(late, othersLate)))
                .extract()
                .path("nextCursor");
        as(t.supervisor)
                .queryParam("status", "overdue")
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .when()
                .get("/v1/assignments")
                .then()
                .body("items.id", is(List.of(later)));
        // Another tenant's supervisor sees none of them; clients, sponsors and admins may not list.
        as(TestTenant.another().supervisor)
                .queryParam("status", "overdue")
                .when()
                .get("/v1/assignments")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        for (Tokens refused : List.of(t.client, t.sponsor, t.admin)) {
            as(refused).when().get("/v1/assignments").then().statusCode(403);
        }
        // The client's own list stays their own, open ones only.
        as(t.client).when().get("/v1/me/assignments").then().body("items.id", is(List.of(late, later, future)));
    }

    @Test
    void anUnknownFilterIsAProblem() {
        as(t.supervisor)
                .queryParam("status", "late")
                .when()
                .get("/v1/assignments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }
}
