package org.praxis.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 22: session-service handed the engagement drafted from an intake to another coach; the intake's coach
 * follows (and with it the client's trajectories), once however often the event arrives, and only when the
 * intake was the old coach's.
 */
@QuarkusTest
class HandoverConsumerTest {
    private static final String HANDED_OVER = "org.praxis.session.engagement.handed-over.v1";

    private final TestTenant t = new TestTenant();
    private final String engagement = UUID.randomUUID().toString();

    private String decidedIntake() {
        return ClientIntakes.decided(t, "coaching");
    }

    /** Keyed by the engagement, as session-service publishes it: one key, one partition, in order. */
    private void handedOver(String eventId, String intake, String from, String to) {
        handedOver(eventId, t.id, intake, from, to);
    }

    private void handedOver(String eventId, String tenant, String intake, String from, String to) {
        ObjectNode e = (ObjectNode) EventContracts.goldenExampleJson(HANDED_OVER);
        e.put("engagementId", engagement)
                .put("sourceIntakeId", intake)
                .put("clientSubject", t.client.subject())
                .put("fromPractitionerId", from)
                .put("toPractitionerId", to);
        assertEquals(List.of(), EventContracts.violations(HANDED_OVER, e.toString()));
        TopicProbe.send(
                "session.events",
                engagement,
                e.toString(),
                Map.of(
                        "ce_id",
                        eventId,
                        "ce_type",
                        HANDED_OVER,
                        "ce_source",
                        "/session-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
    }

    private static void awaitCoach(String intake, String coach) {
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from intake where id = ?::uuid and assigned_coach = ?", intake, coach);
    }

    private static long coached(String intake, String coach) {
        return EmbeddedPostgres.shared()
                .count("select count(*) from intake where id = ?::uuid and assigned_coach = ?", intake, coach);
    }

    @Test
    void theIntakeFollowsItsEngagementToTheNewCoachOnce() {
        String intake = decidedIntake();
        String event = UUID.randomUUID().toString();
        handedOver(event, intake, t.coach.subject(), t.otherCoach.subject());
        handedOver(event, intake, t.coach.subject(), t.otherCoach.subject()); // redelivered: the same ce_id
        awaitCoach(intake, t.otherCoach.subject());
        as(t.otherCoach).when().get("/v1/intakes/" + intake).then().statusCode(200);
        as(t.coach).when().get("/v1/intakes/" + intake).then().statusCode(404);

        // A handover from a coach the intake no longer has changes nothing; the sentinel after it
        // (same key, same partition) shows it was read.
        handedOver(UUID.randomUUID().toString(), intake, t.coach.subject(), "coach-elsewhere");
        String sentinel = decidedIntake();
        handedOver(UUID.randomUUID().toString(), sentinel, t.coach.subject(), t.otherCoach.subject());
        awaitCoach(sentinel, t.otherCoach.subject());
        assertEquals(1, coached(intake, t.otherCoach.subject()));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ? and action = 'follow-handover'",
                                intake));
    }

    /** Its coach erased, the decided intake is nobody's; the engagement's handover (from the pseudonym) gives it one. */
    @Test
    void anIntakeWhoseCoachWasErasedFollowsTheHandover() {
        String intake = decidedIntake();
        ErasureRequests.erase(t.id, t.coach.subject(), "intake.events");
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count("select count(*) from intake where id = ?::uuid and assigned_coach is null", intake));
        handedOver(
                UUID.randomUUID().toString(), intake, Pseudonyms.of(t.id, t.coach.subject()), t.otherCoach.subject());
        awaitCoach(intake, t.otherCoach.subject());
        as(t.otherCoach).when().get("/v1/intakes/" + intake).then().statusCode(200);
    }

    @Test
    void anotherTenantsHandoverNamingThisIntakeChangesNothing() {
        String intake = decidedIntake();
        handedOver(
                UUID.randomUUID().toString(),
                TestTenant.another().id,
                intake,
                t.coach.subject(),
                t.otherCoach.subject());
        // The sentinel, on the same key after it, shows the other tenant's event was read.
        String sentinel = decidedIntake();
        handedOver(UUID.randomUUID().toString(), sentinel, t.coach.subject(), t.otherCoach.subject());
        awaitCoach(sentinel, t.otherCoach.subject());
        assertEquals(1, coached(intake, t.coach.subject()), "the intake stays its coach's");
        as(t.coach).when().get("/v1/intakes/" + intake).then().statusCode(200);
        as(t.otherCoach).when().get("/v1/intakes/" + intake).then().statusCode(404);
    }
}
