package org.praxis.session.events;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.praxis.session.MonitoredEngagements;
import org.praxis.session.Monitoring;
import org.praxis.session.Monitoring.Change;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 21: intake-service's trajectory.changed as session-service keeps it: per engagement drafted from the
 * intake and instrument, baseline and latest; a deterioration makes the engagement due for review today.
 */
@QuarkusTest
class TrajectoryConsumersTest {
    private static final Change WORSE =
            new Change("PHQ-9", 11, 18, "moderate", "moderately-severe", "reliable-deterioration", true);

    private final TestTenant t = new TestTenant();

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    @Test
    void aDeterioratingScoreIsKeptOnceAndMakesTheEngagementDueForReviewToday() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        as(t.coach)
                .when()
                .get("/v1/reviews?due=true")
                .then()
                .statusCode(200)
                .body("items.engagementId", not(hasItem(id)));

        String screening = UUID.randomUUID().toString();
        String worse = WORSE.payload(intake, t.client.subject(), screening);
        Map<String, String> first = Monitoring.headers(t.id);
        TopicProbe.send("intake.events", intake, worse, first);
        TopicProbe.send("intake.events", intake, worse, first); // redelivered
        Map<String, String> replayed = new HashMap<>(Monitoring.headers(t.id)); // the same screening, a new event id
        TopicProbe.send("intake.events", intake, worse, replayed);
        Monitoring.awaitTaken(first.get("ce_id"), replayed.get("ce_id"));

        assertEquals(
                1,
                count(
                        "select count(*) from score_trajectory where engagement_id = ?::uuid and instrument = 'PHQ-9'"
                                + " and baseline_total = 11 and latest_total = 18 and latest_band = 'moderately-severe'"
                                + " and classification = 'reliable-deterioration' and deteriorated"
                                + " and thresholds_version = 'change-thresholds-v1' and latest_screening_id = ?::uuid",
                        id,
                        screening));
        // The audit trail (admins read it) says the system acted, not how the scores moved: one entry per
        // trajectory event, the same whichever way the scores went, without a reason.
        assertEquals(
                0,
                count(
                        "select count(*) from audit_event where resource_id = ? and (action like '%deterioration%'"
                                + " or action like '%review%' or (action = 'update-trajectory' and reason is not null))",
                        id));
        assertTrue(
                count("select count(*) from audit_event where resource_id = ? and action = 'update-trajectory'", id)
                        > 0,
                "the update itself is audited");
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
        Monitoring.send(t, intake, new Change("PHQ-9", 11, 4, "moderate", "minimal", "reliable-recovery", false));
        assertEquals(
                1,
                count(
                        "select count(*) from score_trajectory where engagement_id = ?::uuid and latest_total = 4"
                                + " and classification = 'reliable-recovery' and not deteriorated",
                        id));
        assertEquals(
                1, count("select count(*) from engagement where id = ?::uuid and review_due_on = ?::date", id, today));
    }

    private static Map<String, String> sequenced(TestTenant t, long sequence) {
        Map<String, String> h = new HashMap<>(Monitoring.headers(t.id));
        h.put("ce_sequence", Long.toString(sequence));
        return h;
    }

    /**
     * Two instruments screened at once may reach the relay out of order: a newer GAD-7 does not make the older
     * PHQ-9 look superseded (its deterioration would be lost), while an older PHQ-9 still never overwrites a newer.
     */
    @Test
    void eachInstrumentsTrajectoryIsGuardedOnItsOwn() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        Change calmer = new Change("GAD-7", 12, 6, "moderate", "mild", "reliable-improvement", false);
        Map<String, String> gad7 = sequenced(t, 101);
        TopicProbe.send(
                "intake.events",
                intake,
                calmer.payload(intake, t.client.subject(), UUID.randomUUID().toString()),
                gad7);
        Monitoring.awaitTaken(gad7.get("ce_id"));
        Map<String, String> phq9 = sequenced(t, 100);
        TopicProbe.send(
                "intake.events",
                intake,
                WORSE.payload(intake, t.client.subject(), UUID.randomUUID().toString()),
                phq9);
        Monitoring.awaitTaken(phq9.get("ce_id"));
        assertEquals(
                1,
                count(
                        "select count(*) from score_trajectory where engagement_id = ?::uuid and instrument = 'PHQ-9'"
                                + " and latest_total = 18 and deteriorated",
                        id));
        assertEquals(
                1,
                count(
                        "select count(*) from engagement where id = ?::uuid and review_due_on = ?::date",
                        id,
                        LocalDate.now(ZoneOffset.UTC).toString()));

        Map<String, String> older = sequenced(t, 99);
        Change before = new Change("PHQ-9", 11, 9, "moderate", "mild", "no-reliable-change", false);
        TopicProbe.send(
                "intake.events",
                intake,
                before.payload(intake, t.client.subject(), UUID.randomUUID().toString()),
                older);
        Monitoring.awaitTaken(older.get("ce_id"));
        assertEquals(
                1,
                count(
                        "select count(*) from inbox_event where event_id = ? and outcome = 'superseded'",
                        older.get("ce_id")));
        assertEquals(
                1,
                count(
                        "select count(*) from score_trajectory where engagement_id = ?::uuid and instrument = 'PHQ-9'"
                                + " and latest_total = 18",
                        id));
    }

    /** A review a deterioration asked for is answered by a periodic review, not by a new contract version. */
    @Test
    void aReviewADeteriorationAskedForStaysDueUntilAPeriodicReviewIsHeld() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        Monitoring.send(t, intake, WORSE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from engagement where id = ?::uuid and review_due_on = ?::date",
                        id,
                        today.toString());

        Map<String, Object> reviewedEveryEight = MonitoredEngagements.terms(t, t.client, "Steadier weeks");
        reviewedEveryEight.put("reviewEveryWeeks", 8);
        as(t.coach)
                .body(reviewedEveryEight)
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (var who : java.util.List.of(t.client, t.coach)) {
            as(who).when()
                    .post("/v1/engagements/" + id + "/contracts/2/acceptance")
                    .then()
                    .statusCode(200);
        }
        as(t.coach)
                .when()
                .get("/v1/reviews?due=true")
                .then()
                .body("items.find { it.engagementId == '" + id + "' }.dueOn", is(today.toString()));

        as(t.coach)
                .body(Map.of("kind", "periodic", "heldOn", today.toString(), "whatChanged", "Talked it through"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        assertEquals(
                1,
                count(
                        "select count(*) from engagement where id = ?::uuid and review_due_on = ?::date",
                        id,
                        today.plusWeeks(8).toString()));
    }

    @Test
    void aTrajectoryOfAnIntakeWithoutAnEngagementOrOfAnotherTenantIsIgnored() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        Map<String, String> unknown = Monitoring.headers(t.id);
        String other = UUID.randomUUID().toString();
        RecordMetadata unknownAt = TopicProbe.send(
                "intake.events",
                other,
                WORSE.payload(other, "someone", UUID.randomUUID().toString()),
                unknown);
        // The same intake id named in another tenant reaches nothing of this one.
        Map<String, String> foreign = Monitoring.headers(TestTenant.another().id);
        RecordMetadata foreignAt = TopicProbe.send(
                "intake.events",
                intake,
                WORSE.payload(intake, "someone", UUID.randomUUID().toString()),
                foreign);
        TopicProbe.awaitConsumed("session-service", unknownAt);
        TopicProbe.awaitConsumed("session-service", foreignAt);
        assertEquals(0, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
        assertEquals(0, count("select count(*) from engagement where id = ?::uuid and review_due_on is not null", id));
        // Neither had an engagement to change: no transaction was spent on them, not even an inbox mark.
        assertEquals(
                0,
                count(
                        "select count(*) from inbox_event where event_id in (?, ?)",
                        unknown.get("ce_id"),
                        foreign.get("ce_id")));
    }

    @Test
    void anUnknownClassificationIsDeadLetteredAndStoresNothing() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        String bad = WORSE.payload(intake, t.client.subject(), UUID.randomUUID().toString())
                .replace("reliable-deterioration", "much-worse");
        TopicProbe.sendEvent("intake.events", Monitoring.TRAJECTORY_CHANGED, "/intake-service", t.id, intake, bad);
        var dead = TopicProbe.read(
                "intake.events.dlq", r -> intake.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(0, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));

        // Of an intake without an engagement too: a publisher's fault is reported, not skipped with the event.
        String unengaged = UUID.randomUUID().toString();
        TopicProbe.sendEvent(
                "intake.events",
                Monitoring.TRAJECTORY_CHANGED,
                "/intake-service",
                t.id,
                unengaged,
                WORSE.payload(unengaged, t.client.subject(), UUID.randomUUID().toString())
                        .replace("reliable-deterioration", "much-worse"));
        assertEquals(
                1,
                TopicProbe.read(
                                "intake.events.dlq",
                                r -> unengaged.equals(r.key()),
                                found -> !found.isEmpty(),
                                Duration.ofSeconds(30))
                        .size());
    }

    @Test
    void theClientsExportCarriesTheirScoresAndErasureRemovesThem() {
        String intake = UUID.randomUUID().toString();
        String id = Monitoring.activeFromIntake(t, intake);
        Monitoring.send(t, intake, new Change("GAD-7", 12, 6, "moderate", "mild", "reliable-recovery", false));
        Monitoring.send(t, intake, WORSE);
        assertEquals(2, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
        // The client's copy of their records carries their scores.
        TestTenant.export(t.admin, t.client.subject(), TestTenant.exportRequest(t.admin, t.client.subject()))
                .statusCode(200)
                .body("scores.size()", is(2))
                .body("scores[0].engagementId", is(id))
                .body("scores[0].score.instrument", is("GAD-7"))
                .body("scores[0].score.latestTotal", is(6))
                .body("scores[0].score.classification", is("reliable-recovery"));
        assertEquals(
                1,
                ErasureRequests.erase(t.id, t.client.subject(), "session.events")
                        .size());
        assertEquals(0, count("select count(*) from score_trajectory where engagement_id = ?::uuid", id));
        // The day their scores worsened goes with them.
        assertEquals(
                0, count("select count(*) from engagement where id = ?::uuid and review_requested_on is not null", id));
    }
}
