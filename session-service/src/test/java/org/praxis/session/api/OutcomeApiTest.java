package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.Monitoring;
import org.praxis.session.Monitoring.Change;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 21: the engagement's outcome (what its end review rests on) per role and tenant: scores from baseline
 * to the latest with their classification, goal ratings over time, session scaling; the client sees no
 * band or classification code.
 */
@QuarkusTest
class OutcomeApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String OUTCOME = "org.praxis.session.engagement.outcome.v1";
    private static final Set<String> CLINICAL_INSTRUMENT_FIELDS = Set.of(
            "instrument",
            "baselineTotal",
            "latestTotal",
            "baselineBand",
            "latestBand",
            "classification",
            "thresholdsVersion",
            "updatedAt");

    private final TestTenant t = new TestTenant();

    /** An engagement drafted from an intake, with a PHQ-9 recovery, a goal rated twice and two held sessions. */
    private String measured() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        Monitoring.send(t, intake, new Change("PHQ-9", 14, 4, "moderate", "minimal", "reliable-recovery", false));
        String goal = as(t.client)
                .body(Map.of(
                        "title", "Sleep before midnight",
                        "horizon", "proximal",
                        "orientation", "performance",
                        "direction", "approach"))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (Map<String, Object> rating : List.<Map<String, Object>>of(
                Map.of("rating", 3, "ratedOn", "2026-10-01"), Map.of("rating", 7, "ratedOn", "2026-11-01"))) {
            as(t.client)
                    .body(rating)
                    .when()
                    .post("/v1/engagements/" + id + "/goals/" + goal + "/progress")
                    .then()
                    .statusCode(201);
        }
        for (int scaling : List.of(4, 8)) {
            String session = as(t.coach)
                    .body(Map.of(
                            "scheduledAt",
                            Instant.now().minus(12 - scaling, ChronoUnit.DAYS).toString(),
                            "durationMinutes",
                            50,
                            "mode",
                            "video"))
                    .when()
                    .post("/v1/engagements/" + id + "/sessions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            as(t.coach)
                    .body(Map.of("status", "held", "scaling", scaling))
                    .when()
                    .post("/v1/engagements/" + id + "/sessions/" + session + "/outcome")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    private static long reads(String id) {
        return EmbeddedPostgres.shared()
                .count("select count(*) from audit_event where resource_id = ? and action = 'read-outcome'", id);
    }

    @Test
    void thePractitionerAndTheirSupervisorReadScoresWithTheirClassificationGoalRatingsAndScaling() {
        String id = measured();
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        for (Tokens reader : List.of(t.coach, t.supervisor)) {
            Map<String, Object> instrument = as(reader)
                    .when()
                    .get("/v1/engagements/" + id + "/outcome")
                    .then()
                    .statusCode(200)
                    .body("engagementId", is(id))
                    .body("instruments.size()", is(1))
                    .body("instruments[0].instrument", is("PHQ-9"))
                    .body("instruments[0].baselineTotal", is(14))
                    .body("instruments[0].latestTotal", is(4))
                    .body("instruments[0].baselineBand", is("moderate"))
                    .body("instruments[0].latestBand", is("minimal"))
                    .body("instruments[0].classification", is("reliable-recovery"))
                    .body("instruments[0].thresholdsVersion", is("change-thresholds-v1"))
                    .body("goals[0].title", is("Sleep before midnight"))
                    .body("goals[0].ratings.rating", is(List.of(3, 7)))
                    .body("scaling.scaling", is(List.of(4, 8)))
                    .extract()
                    .path("instruments[0]");
            assertEquals(CLINICAL_INSTRUMENT_FIELDS, instrument.keySet());
        }
        assertEquals(2, reads(id), "each read of scores is audited");
    }

    @Test
    void theClientReadsTheirScoresGoalsAndScalingButNoBandOrClassificationCode() {
        String id = measured();
        Map<String, Object> instrument = as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/outcome")
                .then()
                .statusCode(200)
                .body("instruments[0].baselineTotal", is(14))
                .body("instruments[0].latestTotal", is(4))
                .body("goals[0].ratings.rating", is(List.of(3, 7)))
                .body("scaling.scaling", is(List.of(4, 8)))
                .extract()
                .path("instruments[0]");
        assertEquals(
                Set.of("instrument", "baselineTotal", "latestTotal", "thresholdsVersion", "updatedAt"),
                instrument.keySet());
        String body = as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/outcome")
                .then()
                .extract()
                .asString();
        for (String code : List.of("reliable-recovery", "moderate", "minimal", "classification", "Band")) {
            assertEquals(-1, body.indexOf(code), code + " in " + body);
        }
        assertEquals(2, reads(id));
    }

    @Test
    void nobodyElseReadsItAndNothingIsAudited() {
        String id = measured();
        String path = "/v1/engagements/" + id + "/outcome";
        // Another coach, a supervisor of someone else, another client: the engagement is not theirs to know.
        for (Tokens stranger : List.of(t.user("coach"), t.supervisor, t.user("client"))) {
            as(stranger).when().get(path).then().statusCode(404).contentType(PROBLEM);
        }
        // Roles the outcome is never for.
        as(t.sponsor).when().get(path).then().statusCode(403).contentType(PROBLEM);
        as(t.admin).when().get(path).then().statusCode(403).contentType(PROBLEM);
        // Another tenant's people, whatever their role.
        TestTenant other = TestTenant.another();
        as(other.coach).when().get(path).then().statusCode(404).contentType(PROBLEM);
        as(other.client).when().get(path).then().statusCode(404).contentType(PROBLEM);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + UUID.randomUUID() + "/outcome")
                .then()
                .statusCode(404);
        assertEquals(0, reads(id));
    }

    @Test
    void theEndReviewPublishesTheOutcomeWithClassificationsAndCountsOnly() {
        String id = measured();
        String goal = as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/goals")
                .then()
                .extract()
                .path("items[0].id");
        as(t.coach)
                .body(Map.of("kind", "end", "whatChanged", "Sleeps better", "goalsMet", List.of(goal)))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        var published = TopicProbe.read(
                "session.events",
                r -> id.equals(r.key()) && OUTCOME.equals(TopicProbe.header(r, "ce_type")),
                f -> !f.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, published.size());
        String payload = published.get(0).value();
        assertEquals(List.of(), EventContracts.violations(OUTCOME, payload));
        JsonPath outcome = JsonPath.from(payload);
        assertEquals(id, outcome.getString("engagementId"));
        assertEquals(t.coach.subject(), outcome.getString("practitionerId"));
        assertEquals(
                List.of(Map.of("instrument", "PHQ-9", "classification", "reliable-recovery")),
                outcome.getList("outcomes"));
        assertEquals(1, outcome.getInt("goals"));
        assertEquals(1, outcome.getInt("goalsMet"));
        assertEquals(2, outcome.getInt("sessionsHeld"));
        for (String absent : List.of(t.client.subject(), "Sleeps better", "minimal", "\"latestTotal\"")) {
            assertEquals(-1, payload.indexOf(absent), absent + " in " + payload);
        }
    }

    @Test
    void anEngagementWithoutScoresShowsEmptyLists() {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/outcome")
                .then()
                .statusCode(200)
                .body("instruments.size()", is(0))
                .body("goals.size()", is(0))
                .body("scaling.size()", is(0));
    }
}
