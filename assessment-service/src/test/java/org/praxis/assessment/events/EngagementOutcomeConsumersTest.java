package org.praxis.assessment.events;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 21: session-service's engagement.outcome adds to the practitioner's aggregate outcomes, once per
 * engagement however often it arrives; nothing per client or per engagement is kept.
 */
@QuarkusTest
class EngagementOutcomeConsumersTest {
    private static final String TYPE = "org.praxis.session.engagement.outcome.v1";

    private final AssessmentTenant t = new AssessmentTenant();

    private static String outcome(
            String engagement, String practitioner, String outcomes, int goals, int met, int held) {
        String p = "{\"engagementId\":\"" + engagement + "\",\"practitionerId\":\"" + practitioner + "\",\"outcomes\":["
                + outcomes + "],\"goals\":" + goals + ",\"goalsMet\":" + met + ",\"sessionsHeld\":" + held + "}";
        assertEquals(List.of(), EventContracts.violations(TYPE, p), "as session-service sends it");
        return p;
    }

    private static String instrument(String code, String classification) {
        return "{\"instrument\":\"" + code + "\",\"classification\":\"" + classification + "\"}";
    }

    private static Map<String, String> headers(String tenant) {
        return Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                TYPE,
                "ce_source",
                "/session-service",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
    }

    /** Sends and returns the event id. */
    private static String send(String tenant, String engagement, String payload) {
        Map<String, String> h = headers(tenant);
        TopicProbe.send("session.events", engagement, payload, h);
        return h.get("ce_id");
    }

    private static void awaitTaken(String... ids) {
        for (String id : ids) {
            EmbeddedPostgres.shared()
                    .awaitCount(
                            1,
                            "select count(*) from inbox_event where consumer = 'assessment-engagement-outcome' and event_id = ?",
                            id);
        }
    }

    private static long row(String tenant, String practitioner, String where) {
        return EmbeddedPostgres.shared()
                .count(
                        "select count(*) from practitioner_outcome where tenant_id = ? and practitioner_id = ? and "
                                + where,
                        tenant,
                        practitioner);
    }

    @Test
    void eachClosedEngagementCountsOnceInItsPractitionersAggregate() {
        String coach = t.coach.subject();
        String improved = UUID.randomUUID().toString();
        String improvedPayload = outcome(
                improved,
                coach,
                instrument("PHQ-9", "reliable-recovery") + "," + instrument("GAD-7", "no-reliable-change"),
                3,
                2,
                8);
        Map<String, String> first = headers(t.id);
        TopicProbe.send("session.events", improved, improvedPayload, first);
        TopicProbe.send("session.events", improved, improvedPayload, first); // redelivered
        Map<String, String> replayed = new HashMap<>(headers(t.id)); // the same outcome under a new event id
        TopicProbe.send("session.events", improved, improvedPayload, replayed);
        String worse = UUID.randomUUID().toString();
        String unmeasured = UUID.randomUUID().toString();
        awaitTaken(
                first.get("ce_id"),
                replayed.get("ce_id"),
                send(t.id, worse, outcome(worse, coach, instrument("PHQ-9", "reliable-deterioration"), 1, 0, 2)),
                send(t.id, unmeasured, outcome(unmeasured, coach, "", 0, 0, 1)));

        assertEquals(
                1,
                row(
                        t.id,
                        coach,
                        "engagements = 3 and measured = 2 and reliably_improved = 1 and reliably_deteriorated = 1"
                                + " and goals = 4 and goals_met = 2 and sessions_held = 11"));
        // The same practitioner id in another tenant is another practitioner.
        TestTenant other = TestTenant.another();
        String elsewhere = UUID.randomUUID().toString();
        awaitTaken(send(
                other.id, elsewhere, outcome(elsewhere, coach, instrument("GAD-7", "reliable-improvement"), 1, 1, 4)));
        assertEquals(1, row(other.id, coach, "engagements = 1 and reliably_improved = 1"));
        assertEquals(1, row(t.id, coach, "engagements = 3"));
    }

    @Test
    void anOutcomeWithMoreGoalsMetThanGoalsIsDeadLetteredAndCountsNothing() {
        String engagement = UUID.randomUUID().toString();
        TopicProbe.sendEvent(
                "session.events",
                TYPE,
                "/session-service",
                t.id,
                engagement,
                outcome(engagement, t.coach.subject(), "", 1, 2, 1));
        var dead = TopicProbe.read(
                "session.events.dlq",
                r -> engagement.equals(r.key()),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(0, row(t.id, t.coach.subject(), "true"));
    }

    @Test
    void erasingThePractitionerLeavesTheirAggregateUnderThePseudonym() {
        as(t.coach)
                .body(Map.of("displayName", "Casey Coach", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        String engagement = UUID.randomUUID().toString();
        awaitTaken(send(
                t.id,
                engagement,
                outcome(engagement, t.coach.subject(), instrument("PHQ-9", "reliable-improvement"), 2, 1, 6)));
        assertEquals(1, row(t.id, t.coach.subject(), "engagements = 1"));
        // Their subject export holds the totals counted for them, their client feedback and what they hold.
        TestTenant.export(t.admin, t.coach.subject(), t.exportRequest(t.coach.subject()))
                .statusCode(200)
                .body("outcomes.engagements", is(1))
                .body("outcomes.reliablyImproved", is(1))
                .body("outcomes.goalsMet", is(1))
                .body("outcomes.sessionsHeld", is(6))
                .body("clientFeedback.answers", is(0))
                .body("eligibilities", notNullValue());
        assertEquals(
                1,
                ErasureRequests.eraseWithSources(t.id, t.coach.subject(), "assessment.events", "session-service")
                        .size());
        assertEquals(0, row(t.id, t.coach.subject(), "true"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_outcome where tenant_id = ?"
                                        + " and practitioner_id like 'erased-%' and engagements = 1",
                                t.id));

        // The person comes back (a new profile, a new outcome) and asks again: the second erasure completes too,
        // their earlier erased profile gives way to the new one and the two aggregates are added together.
        as(t.coach)
                .body(Map.of("displayName", "Casey Again", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        String later = UUID.randomUUID().toString();
        awaitTaken(send(
                t.id, later, outcome(later, t.coach.subject(), instrument("PHQ-9", "no-reliable-change"), 1, 0, 3)));
        assertEquals(1, row(t.id, t.coach.subject(), "engagements = 1"));
        assertEquals(
                1,
                ErasureRequests.erase(t.id, t.coach.subject(), "assessment.events")
                        .size(),
                "the second erasure confirmed");
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        assertEquals(0, db.count("select count(*) from practitioner where subject = ?", t.coach.subject()));
        assertEquals(
                1, db.count("select count(*) from practitioner where tenant_id = ? and subject like 'erased-%'", t.id));
        assertEquals(
                1,
                db.count(
                        "select count(*) from practitioner_outcome where tenant_id = ? and practitioner_id like 'erased-%'"
                                + " and engagements = 2 and goals = 3 and sessions_held = 9",
                        t.id));
        assertEquals(0, row(t.id, t.coach.subject(), "true"));
    }
}
