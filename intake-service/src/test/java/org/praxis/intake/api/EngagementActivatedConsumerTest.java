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
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * An engagement going on from an intake became active (coaching after therapy with the coach the client chose):
 * the intake follows its practitioner, once, and only for the intake's own client in the event's tenant.
 */
@QuarkusTest
class EngagementActivatedConsumerTest {
    private static final String STATUS_CHANGED = "org.praxis.session.engagement.status-changed.v1";
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();

    private final TestTenant t = new TestTenant();
    private final String engagement = UUID.randomUUID().toString();

    private String decidedIntake() {
        return ClientIntakes.decided(t, "therapy");
    }

    /** Keyed by the engagement, as session-service publishes it: one key, one partition, in order. */
    private void moved(String eventId, String tenant, String intake, String client, String coach, String status) {
        moved(eventId, tenant, intake, client, coach, "draft", status);
    }

    private void moved(
            String eventId, String tenant, String intake, String client, String coach, String previous, String status) {
        ObjectNode e = (ObjectNode) EventContracts.goldenExampleJson(STATUS_CHANGED);
        e.put("engagementId", engagement)
                .put("clientSubject", client)
                .put("practitionerId", coach)
                .put("previousStatus", previous)
                .put("status", status)
                .put("sourceIntakeId", intake);
        assertEquals(List.of(), EventContracts.violations(STATUS_CHANGED, e.toString()));
        TopicProbe.send(
                "session.events",
                engagement,
                e.toString(),
                Map.of(
                        "ce_id", eventId,
                        "ce_type", STATUS_CHANGED,
                        "ce_source", "/session-service",
                        "ce_tenant", tenant,
                        "ce_time", Instant.now().toString()));
    }

    private void activated(String eventId, String intake, String coach) {
        moved(eventId, t.id, intake, t.client.subject(), coach, "active");
    }

    private static void awaitCoach(String intake, String coach) {
        DB.awaitCount(1, "select count(*) from intake where id = ?::uuid and assigned_coach = ?", intake, coach);
    }

    private static long follows(String intake) {
        return DB.count(
                "select count(*) from audit_event where resource_id = ? and action = 'follow-engagement'", intake);
    }

    @Test
    void theIntakeFollowsTheCoachTheClientChoseAfterTherapyOnce() {
        String intake = decidedIntake();
        String event = UUID.randomUUID().toString();
        activated(event, intake, t.otherCoach.subject());
        activated(event, intake, t.otherCoach.subject()); // redelivered: the same ce_id
        // An earlier engagement of the intake's, resumed after a pause, takes nothing back.
        moved(UUID.randomUUID().toString(), t.id, intake, t.client.subject(), t.coach.subject(), "paused", "active");
        awaitCoach(intake, t.otherCoach.subject());
        as(t.otherCoach).when().get("/v1/intakes/" + intake).then().statusCode(200);
        as(t.coach).when().get("/v1/intakes/" + intake).then().statusCode(404);
        // The sentinel, on the same key after them, shows all three were read.
        String sentinel = decidedIntake();
        activated(UUID.randomUUID().toString(), sentinel, t.otherCoach.subject());
        awaitCoach(sentinel, t.otherCoach.subject());
        assertEquals(1, follows(intake));
        awaitCoach(intake, t.otherCoach.subject());
    }

    @Test
    void anotherClientsAnotherTenantsAPausedOrAnAccountlessIntakesEngagementMovesNothing() {
        String intake = decidedIntake();
        moved(UUID.randomUUID().toString(), t.id, intake, t.otherClient.subject(), t.otherCoach.subject(), "active");
        moved(UUID.randomUUID().toString(), TestTenant.another().id, intake, t.client.subject(), "coach-x", "active");
        moved(UUID.randomUUID().toString(), t.id, intake, t.client.subject(), t.otherCoach.subject(), "paused");
        // An intake of a person without an account yet names no client: no engagement's client is theirs.
        String noAccount = as(t.coach)
                .body(Map.of("displayName", "Sam Example"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        activated(UUID.randomUUID().toString(), noAccount, t.otherCoach.subject());
        String sentinel = decidedIntake();
        activated(UUID.randomUUID().toString(), sentinel, t.otherCoach.subject());
        awaitCoach(sentinel, t.otherCoach.subject());
        awaitCoach(intake, t.coach.subject());
        awaitCoach(noAccount, t.coach.subject());
        assertEquals(0, follows(intake));
        assertEquals(0, follows(noAccount));
        as(t.coach).when().get("/v1/intakes/" + intake).then().statusCode(200);
        as(t.otherCoach).when().get("/v1/intakes/" + intake).then().statusCode(404);
    }
}
