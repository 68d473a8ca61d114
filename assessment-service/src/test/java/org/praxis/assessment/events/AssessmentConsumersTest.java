package org.praxis.assessment.events;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TopicProbe;

/** What assessment-service does with other services' events: practice hours from completed sessions. */
@QuarkusTest
class AssessmentConsumersTest {
    private final AssessmentTenant t = new AssessmentTenant();

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    @Test
    void aCompletedSessionAddsPracticeHoursOnceHoweverOftenItArrives() {
        t.withProfile();
        String type = "org.praxis.session.session.completed.v1";
        ObjectNode completed = (ObjectNode) EventContracts.goldenExampleJson(type);
        completed
                .put("sessionId", UUID.randomUUID().toString())
                .put("practitionerId", t.coach.subject())
                .put("durationMinutes", 50);
        assertEquals(List.of(), EventContracts.violations(type, completed.toString()));
        Map<String, String> headers = Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                type,
                "ce_source",
                "/session-service",
                "ce_tenant",
                t.id,
                "ce_time",
                Instant.now().toString());
        TopicProbe.send("session.events", completed.get("engagementId").asText(), completed.toString(), headers);
        TopicProbe.send("session.events", completed.get("engagementId").asText(), completed.toString(), headers);
        RecordMetadata last = TopicProbe.send(
                "session.events",
                completed.get("engagementId").asText(),
                completed.toString(),
                TopicProbe.headers(type, "/session-service", t.id, Instant.now()));
        TopicProbe.awaitConsumed("assessment-service", last); // all three applied (one partition: one key)
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from evidence where tenant_id = ? and practitioner_id = ?",
                                t.id,
                                t.coach.subject()));
        as(t.coach)
                .when()
                .get(path("/evidence?kind=practice-hours"))
                .then()
                .body("items", hasSize(1))
                .body("items[0].minutes", is(50))
                .body("items[0].occurredOn", is("2026-11-20"));
        as(t.coach).when().get(path("/eligibility")).then().body("requirements[1].detail", startsWith("0.8 of 100"));
    }
}
