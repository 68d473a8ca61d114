package org.praxis.assessment.events;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.assessment.domain.PractitionerFeedback;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 22: session-service's practitioner.feedback-aggregated (five answers at a time) adds to the
 * practitioner's client feedback, once per batch however often it arrives; no client, engagement or session.
 */
@QuarkusTest
class FeedbackAggregatedConsumersTest {
    private static final String TYPE = "org.praxis.session.practitioner.feedback-aggregated.v1";

    private final AssessmentTenant t = new AssessmentTenant();

    private static String batch(String id, String practitioner, String from, String to, int responses, String means) {
        String p = "{\"batchId\":\"" + id + "\",\"practitionerId\":\"" + practitioner + "\",\"periodStart\":\"" + from
                + "\",\"periodEnd\":\"" + to + "\",\"responses\":" + responses + ",\"means\":" + means + "}";
        assertEquals(List.of(), EventContracts.violations(TYPE, p), "as session-service sends it");
        return p;
    }

    private static String means(String heard, String mattered, String approach, String overall) {
        return "{\"feltHeard\":" + heard + ",\"workedOnWhatMattered\":" + mattered + ",\"approachFitted\":" + approach
                + ",\"overall\":" + overall + "}";
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

    private static String send(String tenant, String practitioner, String payload) {
        Map<String, String> h = headers(tenant);
        TopicProbe.send("session.events", practitioner, payload, h);
        return h.get("ce_id");
    }

    private static void awaitTaken(String... ids) {
        for (String id : ids) {
            EmbeddedPostgres.shared()
                    .awaitCount(
                            1,
                            "select count(*) from inbox_event where consumer = 'assessment-feedback-aggregated' and event_id = ?",
                            id);
        }
    }

    private static long row(String tenant, String practitioner, String where) {
        return EmbeddedPostgres.shared()
                .count(
                        "select count(*) from practitioner_feedback where tenant_id = ? and practitioner_id = ? and "
                                + where,
                        tenant,
                        practitioner);
    }

    @Test
    void eachBatchCountsOnceInThePractitionersClientFeedback() {
        String coach = t.coach.subject();
        String first = batch(
                UUID.randomUUID().toString(), coach, "2026-10-02", "2026-10-20", 5, means("8.0", "5.2", "5.0", "7.2"));
        Map<String, String> sent = headers(t.id);
        TopicProbe.send("session.events", coach, first, sent);
        TopicProbe.send("session.events", coach, first, sent); // redelivered
        Map<String, String> replayed = new HashMap<>(headers(t.id)); // the same batch under a new event id
        TopicProbe.send("session.events", coach, first, replayed);
        awaitTaken(
                sent.get("ce_id"),
                replayed.get("ce_id"),
                send(
                        t.id,
                        coach,
                        batch(
                                UUID.randomUUID().toString(),
                                coach,
                                "2026-10-21",
                                "2026-11-18",
                                5,
                                means("6.0", "7.0", "9.0", "8.0"))));

        // Two batches of five: the sums of the answers, so the means over ten answers are sum / 10.
        assertEquals(
                1,
                row(
                        t.id,
                        coach,
                        "batches = 2 and responses = 10 and felt_heard = 70 and worked_on_what_mattered = 61"
                                + " and approach_fitted = 70 and overall = 76 and first_answer_on = '2026-10-02'"
                                + " and last_answer_on = '2026-11-18'"));
        // The same practitioner id in another tenant is another practitioner.
        TestTenant other = TestTenant.another();
        awaitTaken(send(
                other.id,
                coach,
                batch(UUID.randomUUID().toString(), coach, "2026-11-01", "2026-11-02", 5, means("1", "1", "1", "1"))));
        assertEquals(1, row(other.id, coach, "batches = 1 and felt_heard = 5"));
        assertEquals(1, row(t.id, coach, "batches = 2"));
    }

    @Test
    void thePractitionerAndTheirSupervisorReadTheClientFeedbackAsEvidenceNobodyElse() {
        t.supervised();
        String coach = t.coach.subject();
        String path = "/v1/practitioners/" + coach + "/client-feedback";
        as(t.coach)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("answers", is(0))
                .body("means", nullValue())
                .body("competences", contains("D1.A1.1.4", "D1.A2.2.7"));
        awaitTaken(
                send(
                        t.id,
                        coach,
                        batch(
                                UUID.randomUUID().toString(),
                                coach,
                                "2026-10-02",
                                "2026-10-20",
                                5,
                                means("8.0", "5.2", "5.0", "7.2"))),
                send(
                        t.id,
                        coach,
                        batch(
                                UUID.randomUUID().toString(),
                                coach,
                                "2026-10-21",
                                "2026-11-18",
                                5,
                                means("6.0", "7.0", "9.0", "8.0"))));
        for (var reader : List.of(t.coach, t.supervisor)) {
            as(reader)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("batches", is(2))
                    .body("answers", is(10))
                    .body("means.feltHeard", is(7.0f))
                    .body("means.workedOnWhatMattered", is(6.1f))
                    .body("means.approachFitted", is(7.0f))
                    .body("means.overall", is(7.6f))
                    .body("firstAnswerOn", is("2026-10-02"))
                    .body("lastAnswerOn", is("2026-11-18"));
        }
        as(t.otherCoach).when().get(path).then().statusCode(404);
        as(t.otherSupervisor).when().get(path).then().statusCode(404);
        as(TestTenant.another().supervisor).when().get(path).then().statusCode(404);
        for (var refused : List.of(t.admin, t.client, t.sponsor)) {
            as(refused).when().get(path).then().statusCode(403);
        }
        as(t.coach)
                .when()
                .get("/v1/practitioners/nobody-" + UUID.randomUUID() + "/client-feedback")
                .then()
                .statusCode(404);
    }

    @Test
    void aBatchOfFewerThanFiveAnswersIsDeadLetteredAndCountsNothing() {
        String practitioner = "coach-" + UUID.randomUUID();
        TopicProbe.sendEvent(
                "session.events",
                TYPE,
                "/session-service",
                t.id,
                practitioner,
                "{\"batchId\":\"" + UUID.randomUUID() + "\",\"practitionerId\":\"" + practitioner
                        + "\",\"periodStart\":\"2026-11-01\",\"periodEnd\":\"2026-11-02\",\"responses\":1,\"means\":"
                        + means("9", "9", "9", "9") + "}");
        var dead = TopicProbe.read(
                "session.events.dlq",
                r -> practitioner.equals(r.key()),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals(0, row(t.id, practitioner, "true"));
    }

    @Test
    void erasingThePractitionerLeavesTheirClientFeedbackUnderThePseudonym() {
        awaitTaken(send(
                t.id,
                t.coach.subject(),
                batch(
                        UUID.randomUUID().toString(),
                        t.coach.subject(),
                        "2026-11-01",
                        "2026-11-02",
                        5,
                        means("7", "7", "7", "7"))));
        assertEquals(
                1,
                ErasureRequests.eraseWithSources(t.id, t.coach.subject(), "assessment.events", "session-service")
                        .size());
        assertEquals(0, row(t.id, t.coach.subject(), "true"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_feedback where tenant_id = ?"
                                        + " and practitioner_id like 'erased-%' and responses = 5",
                                t.id));

        // Back, five more answers, and erased again: the two totals are one, under the pseudonym.
        awaitTaken(send(
                t.id,
                t.coach.subject(),
                batch(
                        UUID.randomUUID().toString(),
                        t.coach.subject(),
                        "2026-11-20",
                        "2026-11-25",
                        5,
                        means("9", "9", "9", "9"))));
        assertEquals(1, row(t.id, t.coach.subject(), "responses = 5"));
        assertEquals(
                1,
                ErasureRequests.erase(t.id, t.coach.subject(), "assessment.events")
                        .size(),
                "the second erasure confirmed");
        assertEquals(0, row(t.id, t.coach.subject(), "true"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_feedback where tenant_id = ?"
                                        + " and practitioner_id like 'erased-%' and batches = 2 and responses = 10"
                                        + " and felt_heard = 80 and overall = 80 and first_answer_on = '2026-11-01'"
                                        + " and last_answer_on = '2026-11-25'",
                                t.id));
    }

    @Test
    void theCompetencesClientFeedbackSpeaksToAreTheBuiltInFrameworksOnSuitabilityAndFeedback() {
        List<String> statements = PractitionerFeedback.COMPETENCES.stream()
                .map(code -> BuiltInFramework.framework().item(code).orElseThrow())
                .peek(i -> assertEquals(CompetenceFramework.COMPETENCE, i.type()))
                .map(CompetenceFramework.Item::statement)
                .toList();
        assertTrue(statements.get(0).contains("whether coaching suits them"), statements.get(0));
        assertTrue(statements.get(1).contains("client's feedback on the coach"), statements.get(1));
    }
}
