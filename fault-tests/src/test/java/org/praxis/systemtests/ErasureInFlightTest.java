package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TopicProbe;

/**
 * An erasure while an event about the person is still on its way: session-service is down when the
 * client's intake is decided and the erasure starts, so it reads the decision and the erasure in any
 * order when it is back; a copy of the decision read once more after the erasure completed (a
 * redelivery) must re-create nothing either.
 */
@Order(2)
class ErasureInFlightTest extends SystemTest {
    private static final String DECIDED = "org.praxis.intake.intake.decided.v1";

    private JsonPath erasure(String id) {
        return as(admin, INTAKE)
                .when()
                .get("/v1/erasure-requests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aLateIntakeDecidedReCreatesNothingAndTheErasureCompletesInAllFourServices() throws Exception {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(0, 1, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        ServiceProcess session = suite.service(SESSION);
        session.stop();
        String requestId;
        Instant requested;
        try {
            as(coach, INTAKE)
                    .body(Map.of("pathway", "coaching", "practitionerId", coach.subject(), "reason", "coaching fits"))
                    .when()
                    .post("/v1/intakes/" + intake + "/decision")
                    .then()
                    .statusCode(201);
            requested = Instant.now();
            requestId = as(admin, INTAKE)
                    .body(Map.of("subject", client.subject(), "reason", "The client asked to be erased"))
                    .when()
                    .post("/v1/erasure-requests")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            // The running services erase and confirm; session-service's part waits for it.
            String id = requestId;
            eventually(() -> erasure(id)
                            .getList("services.findAll { it.confirmedAt != null }.service")
                            .size()
                    == 3);
            assertEquals("in-progress", erasure(requestId).getString("state"));
        } finally {
            session.start();
        }
        session.awaitReady(Duration.ofMinutes(2));
        String id = requestId;
        eventually(() -> "complete".equals(erasure(id).getString("state")));
        long complete = Duration.between(requested, Instant.now()).toMillis();
        JsonPath done = erasure(requestId);
        assertEquals(
                List.of("assessment-service", "intake-service", "referral-service", "session-service"),
                done.getList("services.service"));

        // The decision read once more, as a redelivery of a record sent before the erasure would be.
        ConsumerRecord<String, String> decided = TopicProbe.read(
                        "intake.events",
                        r -> intake.equals(r.key()) && DECIDED.equals(TopicProbe.header(r, "ce_type")),
                        found -> !found.isEmpty(),
                        Duration.ofSeconds(30))
                .get(0);
        String copy = UUID.randomUUID().toString();
        TopicProbe.send(
                "intake.events",
                intake,
                decided.value(),
                Map.of(
                        "ce_id",
                        copy,
                        "ce_type",
                        DECIDED,
                        "ce_source",
                        ownerOf("intake.events"),
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        TopicProbe.header(decided, "ce_time"),
                        "ce_specversion",
                        "1.0",
                        TEST_MARK,
                        "1"));
        eventually(() -> countIn(
                        SESSION,
                        "select count(*) from inbox_event where event_id = ? and outcome = 'erased-subject'",
                        copy)
                == 1);
        eventually(() -> countIn(
                        REFERRAL,
                        "select count(*) from inbox_event where event_id = ? and outcome = 'erased-subject'",
                        copy)
                == 1);
        Thread.sleep(2000);

        // Whichever came first in session-service, no engagement names the person; at most the one drafted
        // before the erasure is kept, under the pseudonym.
        assertEquals(0, countIn(SESSION, "select count(*) from engagement where client_subject = ?", client.subject()));
        long kept = countIn(
                SESSION,
                "select count(*) from engagement where tenant_id = ? and client_subject = ?",
                tenant,
                done.getString("pseudonym"));
        assertTrue(kept <= 1, kept + " engagements");
        assertEquals(
                kept, countIn(SESSION, "select count(*) from engagement where tenant_id = ?", tenant), "nothing else");
        assertEquals(0, countIn(REFERRAL, "select count(*) from referral where client_subject = ?", client.subject()));
        assertEquals(0, countIn(INTAKE, "select count(*) from intake where client_subject = ?", client.subject()));
        System.out.printf(
                "erasure with intake.decided in flight: session-service down, %s first when back; complete in four"
                        + " services %d ms after the request; the redelivered decision was not applied (erased-subject) in session and"
                        + " referral%n",
                kept == 1 ? "the decision" : "the erasure", complete);
    }
}
