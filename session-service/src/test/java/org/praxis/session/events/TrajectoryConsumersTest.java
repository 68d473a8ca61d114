package org.praxis.session.events;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 21: intake-service's trajectory.changed as session-service keeps it: per engagement drafted from the
 * intake and instrument, baseline and latest; a deterioration makes the engagement due for review today.
 */
@QuarkusTest
class TrajectoryConsumersTest {
    static final String TYPE = "org.praxis.intake.trajectory.changed.v1";

    private final TestTenant t = new TestTenant();

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    /** An engagement drafted from a decided intake, as intake-service would send it, then made active. */
    private String activeFromIntake(String intake) {
        TopicProbe.sendEvent(
                "intake.events",
                "org.praxis.intake.intake.decided.v1",
                "/intake-service",
                t.id,
                intake,
                "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + t.client.subject()
                        + "\",\"pathway\":\"coaching-with-monitoring\",\"recommendedPathway\":\"coaching-with-monitoring\","
                        + "\"practitionerId\":\"" + t.coach.subject() + "\"}");
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from engagement where source_intake_id = ?::uuid", intake);
        String id = as(t.coach)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.sourceIntakeId == '" + intake + "' }.id");
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Work",
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        return id;
    }

    static String payload(
            String intake,
            String client,
            String instrument,
            String screening,
            int baseline,
            int latest,
            String baselineBand,
            String latestBand,
            String classification,
            boolean deteriorated) {
        String p = "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + client + "\",\"instrument\":\""
                + instrument + "\",\"screeningId\":\"" + screening + "\",\"baselineScreeningId\":\""
                + UUID.nameUUIDFromBytes((intake + instrument).getBytes()) + "\",\"baselineTotal\":" + baseline
                + ",\"latestTotal\":" + latest + ",\"baselineBand\":\"" + baselineBand + "\",\"latestBand\":\""
                + latestBand + "\",\"classification\":\"" + classification + "\",\"deteriorated\":" + deteriorated
                + ",\"thresholdsVersion\":\"change-thresholds-v1\"}";
        assertEquals(List.of(), EventContracts.violations(TYPE, p), "as intake-service would send it");
        return p;
    }

    private static Map<String, String> headers(String tenant) {
        return Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                TYPE,
                "ce_source",
                "/intake-service",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
    }

    private void awaitApplied(String... eventIds) {
        for (String id : eventIds) {
            EmbeddedPostgres.shared()
                    .awaitCount(
                            1,
                            "select count(*) from inbox_event where consumer = 'session-trajectory-changed' and event_id = ?",
                            id);
        }
    }

    @Test
    void aDeterioratingScoreIsKeptOnceAndMakesTheEngagementDueForReviewToday() {
        String intake = UUID.randomUUID().toString();
        String id = activeFromIntake(intake);
        as(t.coach)
                .when()
                .get("/v1/reviews?due=true")
                .then()
                .statusCode(200)
                .body("items.engagementId", not(hasItem(id)));

        String screening = UUID.randomUUID().toString();
        String worse = payload(
                intake,
                t.client.subject(),
                "PHQ-9",
                screening,
                11,
                18,
                "moderate",
                "moderately-severe",
                "reliable-deterioration",
                true);
        Map<String, String> first = headers(t.id);
        TopicProbe.send("intake.events", intake, worse, first);
        TopicProbe.send("intake.events", intake, worse, first); // redelivered
        Map<String, String> replayed = new HashMap<>(headers(t.id)); // the same screening under a new event id
        TopicProbe.send("intake.events", intake, worse, replayed);
        awaitApplied(first.get("ce_id"), replayed.get("ce_id"));

        assertEquals(
                1,
                count(
                        "select count(*) from score_trajectory where engagement_id = ?::uuid and instrument = 'PHQ-9'"
                                + " and baseline_total = 11 and latest_total = 18 and latest_band = 'moderately-severe'"
                                + " and classification = 'reliable-deterioration' and deteriorated"
                                + " and thresholds_version = 'change-thresholds-v1' and latest_screening_id = ?::uuid",
                        id,
                        screening));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where resource_id = ? and action = 'review-due-on-deterioration'",
                        id),
                "made due once, audited once");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(t.coach)
                .when()
                .get("/v1/reviews?due=true")
                .then()
                .statusCode(200)
                .body("items.find { it.engagementId == '" + id + "' }.dueOn", is(today));
        as(t.user("coach")).when().get("/v1/reviews?due=true").then().body("items.engagementId", not(hasItem(id)));
        as(TestTenant.another().coach)
                .when()
                .get("/v1/reviews?due=true")
                .then()
                .body("items.engagementId", not(hasItem(id)));

        // A later, improving screening replaces the latest point; the review stays due.
        String better = UUID.randomUUID().toString();
        Map<String, String> next = headers(t.id);
        TopicProbe.send(
                "intake.events",
                intake,
                payload(
                        intake,
                        t.client.subject(),
                        "PHQ-9",
                        better,
                        11,
                        4,
                        "moderate",
                        "minimal",
                        "reliable-recovery",
                        false),
                next);
        awaitApplied(next.get("ce_id"));
        assertEquals(
                1,
                count(
                        "select count(*) from score_trajectory where engagement_id = ?::uuid and latest_total = 4"
                                + " and classification = 'reliable-recovery' and not deteriorated",
                        id));
        assertEquals(
                1, count("select count(*) from engagement where id = ?::uuid and review_due_on = ?::date", id, today));
    }

    @Test
    void aTrajectoryOfAnIntakeWithoutAnEngagementOrOfAnotherTenantIsIgnored() {
        String intake = UUID.randomUUID().toString();
        String id = activeFromIntake(intake);
        Map<String, String> unknown = headers(t.id);
        String other = UUID.randomUUID().toString();
        TopicProbe.send(
                "intake.events",
                other,
                payload(
                        other,
                        "someone",
                        "GAD-7",
                        UUID.randomUUID().toString(),
                        5,
                        12,
                        "mild",
                        "moderate",
                        "reliable-deterioration",
                        true),
                unknown);
        // The same intake id named in another tenant reaches nothing of this one.
        Map<String, String> foreign = headers(TestTenant.another().id);
        TopicProbe.send(
                "intake.events",
                intake,
                payload(
                        intake,
                        "someone",
                        "GAD-7",
                        UUID.randomUUID().toString(),
                        5,
                        12,
                        "mild",
                        "moderate",
                        "reliable-deterioration",
                        true),
                foreign);
        awaitApplied(unknown.get("ce_id"), foreign.get("ce_id"));
        assertEquals(0, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
        assertEquals(0, count("select count(*) from engagement where id = ?::uuid and review_due_on is not null", id));
    }

    @Test
    void anUnknownClassificationIsDeadLetteredAndStoresNothing() {
        String intake = UUID.randomUUID().toString();
        String id = activeFromIntake(intake);
        String bad = payload(
                        intake,
                        t.client.subject(),
                        "PHQ-9",
                        UUID.randomUUID().toString(),
                        11,
                        18,
                        "moderate",
                        "severe",
                        "reliable-deterioration",
                        true)
                .replace("reliable-deterioration", "much-worse");
        TopicProbe.sendEvent("intake.events", TYPE, "/intake-service", t.id, intake, bad);
        var dead = TopicProbe.read(
                "intake.events.dlq", r -> intake.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(0, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
    }

    @Test
    void erasingTheClientRemovesTheirScores() {
        String intake = UUID.randomUUID().toString();
        String id = activeFromIntake(intake);
        Map<String, String> h = headers(t.id);
        TopicProbe.send(
                "intake.events",
                intake,
                payload(
                        intake,
                        t.client.subject(),
                        "GAD-7",
                        UUID.randomUUID().toString(),
                        12,
                        6,
                        "moderate",
                        "mild",
                        "reliable-recovery",
                        false),
                h);
        awaitApplied(h.get("ce_id"));
        assertEquals(1, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
        assertEquals(
                1,
                ErasureRequests.erase(t.id, t.client.subject(), "session.events")
                        .size());
        assertEquals(0, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
    }
}
