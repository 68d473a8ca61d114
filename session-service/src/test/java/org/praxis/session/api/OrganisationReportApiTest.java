package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 21: the sponsor's organisation outcome report counts only engagements whose contract allows
 * aggregate disclosure, shows no figures below the minimum group size (5 by default), and never names a
 * person or an engagement.
 */
@QuarkusTest
class OrganisationReportApiTest {
    private static final String ORGANISATION = "acme-hr";
    private static final String TRAJECTORY = "org.praxis.intake.trajectory.changed.v1";

    private final TestTenant t = new TestTenant();
    private final List<String> made = new ArrayList<>();

    /** An active engagement drafted from a decided intake of {@link #ORGANISATION}, the sponsor a party. */
    private String engagement(String intake, boolean aggregate) {
        TopicProbe.sendEvent(
                "intake.events",
                "org.praxis.intake.intake.decided.v1",
                "/intake-service",
                t.id,
                intake,
                "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + t.client.subject()
                        + "\",\"pathway\":\"coaching-with-monitoring\",\"practitionerId\":\"" + t.coach.subject()
                        + "\",\"sponsorOrganisation\":\"" + ORGANISATION + "\"}");
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from engagement where source_intake_id = ?::uuid", intake);
        String id = as(t.coach)
                .queryParam("limit", 100)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.sourceIntakeId == '" + intake + "' }.id");
        propose(id, t.sponsor, aggregate);
        for (Tokens party : List.of(t.client, t.coach, t.sponsor)) {
            accept(party, id, 1);
        }
        made.add(id);
        return id;
    }

    /** The next contract version of {@code engagement}, naming {@code sponsor} as its required sponsor party. */
    private void propose(String engagement, Tokens sponsor, boolean aggregate) {
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Work",
                        "disclosure",
                        Map.of("aggregateOutcomes", aggregate),
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true),
                                Map.of("role", "sponsor", "subject", sponsor.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + engagement + "/contracts")
                .then()
                .statusCode(201);
    }

    private void accept(Tokens party, String engagement, int version) {
        as(party)
                .when()
                .post("/v1/engagements/" + engagement + "/contracts/" + version + "/acceptance")
                .then()
                .statusCode(200);
    }

    /** intake-service's word on one instrument of the intake, waited for. */
    private void trajectory(String intake, String instrument, String classification) {
        String screening = UUID.randomUUID().toString();
        TopicProbe.sendEvent(
                "intake.events",
                TRAJECTORY,
                "/intake-service",
                t.id,
                intake,
                "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + t.client.subject() + "\",\"instrument\":\""
                        + instrument + "\",\"screeningId\":\"" + screening + "\",\"baselineScreeningId\":\""
                        + UUID.randomUUID() + "\",\"baselineTotal\":15,\"latestTotal\":8,\"baselineBand\":\"moderate\","
                        + "\"latestBand\":\"mild\",\"classification\":\"" + classification
                        + "\",\"deteriorated\":false,\"thresholdsVersion\":\"change-thresholds-v1\"}");
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from score_trajectory where latest_screening_id = ?::uuid", screening);
    }

    private void session(String engagement, String status) {
        String s = as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of("status", status))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions/" + s + "/outcome")
                .then()
                .statusCode(200);
    }

    /** The end review, which closes the engagement. */
    private String ended(String engagement) {
        return as(t.coach)
                .body(Map.of("kind", "end"))
                .when()
                .post("/v1/engagements/" + engagement + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A goal, the end review, and the client's judgement of the goal. */
    private void judged(String engagement, String judgement) {
        String goal = as(t.client)
                .body(Map.of(
                        "title", "A goal", "horizon", "distal", "orientation", "learning", "direction", "approach"))
                .when()
                .post("/v1/engagements/" + engagement + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String end = as(t.coach)
                .body(Map.of("kind", "end"))
                .when()
                .post("/v1/engagements/" + engagement + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client)
                .body(Map.of("goals", List.of(Map.of("goalId", goal, "judgement", judgement))))
                .when()
                .post("/v1/engagements/" + engagement + "/reviews/" + end + "/client-judgement")
                .then()
                .statusCode(201);
    }

    /**
     * The organisation's closed engagements closed {@code days} earlier: the report counts an engagement only
     * once it has settled (praxis.outcome-report.settle-days, 14 by default).
     */
    private void closedEarlier(int days) {
        EmbeddedPostgres.shared()
                .execute(
                        "update engagement set closed_at = closed_at - interval '" + days + " days' where tenant_id = '"
                                + t.id + "' and sponsor_organisation = '" + ORGANISATION + "' and status = 'closed'");
    }

    private Map<String, Object> report(Tokens who) {
        String body = as(who).queryParam("organisation", ORGANISATION)
                .when()
                .get("/v1/sponsor-outcome-report")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String id : made) {
            assertFalse(body.contains(id), "the report names no engagement");
        }
        assertFalse(body.contains(t.client.subject()), "the report names no person");
        assertFalse(body.contains(t.coach.subject()), "the report names no person");
        return io.restassured.path.json.JsonPath.from(body).getMap("");
    }

    @Test
    void theReportCountsOnlyDisclosedEngagementsAndShowsNothingBelowFive() {
        List<String> intakes = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            intakes.add(UUID.randomUUID().toString());
            counted.add(engagement(intakes.get(i), true));
        }
        String closedIntake = UUID.randomUUID().toString();
        String notDisclosed = engagement(closedIntake, false);
        trajectory(closedIntake, "PHQ-9", "reliable-improvement");
        session(notDisclosed, "held");

        // None counts yet (open engagements' outcomes still move): no figures, and why.
        Map<String, Object> hidden = report(t.sponsor);
        assertEquals(true, hidden.get("suppressed"));
        assertEquals(5, hidden.get("minimumGroupSize"));
        assertEquals(
                "Fewer than 5 engagements count, so no figures are shown: they could single out a person.",
                hidden.get("reason"));
        assertFalse(hidden.containsKey("engagements"));
        assertFalse(hidden.containsKey("attendance"));

        intakes.add(UUID.randomUUID().toString());
        counted.add(engagement(intakes.get(4), true));
        session(counted.get(0), "held");
        session(counted.get(0), "held");
        session(counted.get(1), "no-show");
        trajectory(intakes.get(0), "PHQ-9", "reliable-improvement");
        trajectory(intakes.get(1), "GAD-7", "reliable-recovery");
        trajectory(intakes.get(2), "PHQ-9", "reliable-improvement");
        trajectory(intakes.get(2), "GAD-7", "reliable-deterioration");
        trajectory(intakes.get(3), "PHQ-9", "no-reliable-change");
        trajectory(intakes.get(4), "WSAS", "not-classifiable");
        judged(notDisclosed, "not-met");
        for (int i = 0; i < 4; i++) {
            judged(counted.get(i), i == 3 ? "partly" : "met");
        }
        // Four closed, the fifth still open: it does not count yet.
        assertEquals(true, report(t.sponsor).get("suppressed"));
        String lateGoal = as(t.client)
                .body(Map.of("title", "Later", "horizon", "distal", "orientation", "learning", "direction", "approach"))
                .when()
                .post("/v1/engagements/" + counted.get(4) + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String lateReview = ended(counted.get(4));
        // Five closed, but not yet settled: time for the client's judgement; they wait.
        Map<String, Object> unsettled = report(t.sponsor);
        assertEquals(true, unsettled.get("suppressed"));
        assertEquals(5, unsettled.get("waiting"));
        assertEquals(hidden.get("reason"), unsettled.get("reason"));
        closedEarlier(13);
        assertEquals(true, report(t.sponsor).get("suppressed"), "13 days after: still settling");
        closedEarlier(1);

        Map<String, Object> shown = report(t.sponsor);
        assertEquals(0, shown.get("waiting"));
        assertEquals(false, shown.get("suppressed"));
        assertEquals(5, shown.get("engagements"));
        assertEquals(Map.of("held", 2, "noShows", 1), shown.get("attendance"));
        // Four engagements have classifiable scores and four have judged goals: fewer than five each.
        assertEquals(
                Map.of(
                        "shown",
                        false,
                        "reason",
                        "Fewer than 5 engagements with scores count, so no figures are shown: they could single out"
                                + " a person."),
                shown.get("reliableImprovement"));
        assertEquals(false, ((Map<?, ?>) shown.get("goalsJudgedByClients")).get("shown"));
        assertTrue(((Map<?, ?>) shown.get("goalsJudgedByClients")).containsKey("reason"));

        // The fifth client judges their goal only now: counted as it was, the report does not move (else the
        // judged goals would reach five and show, giving this client's judgement away).
        as(t.client)
                .body(Map.of("goals", List.of(Map.of("goalId", lateGoal, "judgement", "not-met"))))
                .when()
                .post("/v1/engagements/" + counted.get(4) + "/reviews/" + lateReview + "/client-judgement")
                .then()
                .statusCode(201);
        assertEquals(shown, report(t.sponsor));

        // A sixth closes: it waits for a whole second group of five, so the report does not move and cannot be
        // differenced against the one before to learn the sixth client's outcome.
        intakes.add(UUID.randomUUID().toString());
        counted.add(engagement(intakes.get(5), true));
        trajectory(intakes.get(5), "PHQ-9", "reliable-recovery");
        judged(counted.get(5), "met");
        closedEarlier(14);
        Map<String, Object> sixth = new java.util.HashMap<>(report(t.admin));
        assertEquals(1, sixth.remove("waiting"));
        Map<String, Object> before = new java.util.HashMap<>(shown);
        assertEquals(0, before.remove("waiting"));
        assertEquals(before, sixth);

        // Four more make the second group: the ten count at once.
        String[][] more = {
            {"PHQ-9", "reliable-improvement", "not-met"},
            {"PHQ-9", "no-reliable-change", "met"},
            {"GAD-7", "reliable-deterioration", "partly"},
            {"WHO-5", "reliable-improvement", "met"}
        };
        for (String[] m : more) {
            String intake = UUID.randomUUID().toString();
            intakes.add(intake);
            counted.add(engagement(intake, true));
            trajectory(intake, m[0], m[1]);
            judged(counted.get(counted.size() - 1), m[2]);
        }
        closedEarlier(14);
        Map<String, Object> full = report(t.admin);
        assertEquals(10, full.get("engagements"));
        assertEquals(0, full.get("waiting"));
        // Measured: all but 4 (no classifiable score), 9; a share counts whole groups of five of them too, in the
        // order released, so the next group's one more measured engagement cannot be differenced out: 0, 1, 2, 3
        // and 5. Reliably improved: 0, 1 (recovery), 5 (recovery); 2 also deteriorated, 3 did not change: 3 of 5.
        assertEquals(
                Map.of("shown", true, "engagementsMeasured", 5, "percentReliablyImproved", 60),
                full.get("reliableImprovement"));
        // Judged: all but 4; the first five of them, 0, 1, 2, 3 and 5. Met: 0, 1, 2, 5; partly: 3.
        assertEquals(
                Map.of(
                        "shown",
                        true,
                        "engagementsJudged",
                        5,
                        "goalsJudged",
                        5,
                        "percentMet",
                        80,
                        "percentPartlyMet",
                        20),
                full.get("goalsJudgedByClients"));
        // Each of the eight reads is audited.
        assertEquals(
                8,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'read-outcome-report'"
                                        + " and resource_id = ?",
                                t.id,
                                ORGANISATION));
    }

    @Test
    void onlyTheSponsorOfTheContractInForceReadsTheReport() {
        String id = engagement(UUID.randomUUID().toString(), true);
        Tokens successor = t.user("sponsor");
        propose(id, successor, true);
        accept(t.client, id, 2);
        accept(t.coach, id, 2);
        // Version 2 names the successor, its client accepted it, but it is not in force yet: version 1 still is.
        reportStatus(t.sponsor, 200);
        reportStatus(successor, 404);

        accept(successor, id, 2);
        reportStatus(successor, 200);
        reportStatus(t.sponsor, 404);
    }

    private void reportStatus(Tokens who, int status) {
        as(who).queryParam("organisation", ORGANISATION)
                .when()
                .get("/v1/sponsor-outcome-report")
                .then()
                .statusCode(status);
    }

    @Test
    void onlyItsSponsorAndAdminsReadAnOrganisationsReport() {
        engagement(UUID.randomUUID().toString(), true);
        String path = "/v1/sponsor-outcome-report";
        as(t.sponsor)
                .queryParam("organisation", ORGANISATION)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("suppressed", is(true));
        as(t.user("sponsor"))
                .queryParam("organisation", ORGANISATION)
                .when()
                .get(path)
                .then()
                .statusCode(404);
        as(t.sponsor)
                .queryParam("organisation", "globex")
                .when()
                .get(path)
                .then()
                .statusCode(404);
        as(TestTenant.another().sponsor)
                .queryParam("organisation", ORGANISATION)
                .when()
                .get(path)
                .then()
                .statusCode(404);
        // Another tenant's admin reads their own tenant's engagements of that name: none.
        as(TestTenant.another().admin)
                .queryParam("organisation", ORGANISATION)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("suppressed", is(true));
        for (Tokens refused : List.of(t.coach, t.client, t.supervisor)) {
            as(refused)
                    .queryParam("organisation", ORGANISATION)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403);
        }
        as(t.admin)
                .when()
                .get(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("organisation"));
        as(t.admin)
                .queryParam("organisation", "x".repeat(201))
                .when()
                .get(path)
                .then()
                .statusCode(422)
                .body("errors[0].field", is("organisation"));
    }
}
